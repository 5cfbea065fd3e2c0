package dev.lanyard.sts.bootstrap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a bootstrap file, YAML or JSON (JSON is YAML), refusing unknown fields. */
public final class BootstrapReader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private BootstrapReader() {}

  public static BootstrapFile read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new BootstrapException("cannot read bootstrap file " + file + ": " + e.getMessage(), e);
    }
  }

  public static BootstrapFile parse(String text, String source) {
    try {
      BootstrapFile f = YAML.readValue(text, BootstrapFile.class);
      return f == null ? new BootstrapFile(null) : f;
    } catch (JsonMappingException e) {
      throw new BootstrapException("bootstrap file " + source + ": " + e.getOriginalMessage()
          + " at " + e.getPathReference().replace("dev.lanyard.sts.bootstrap.", ""), e);
    } catch (IOException e) {
      throw new BootstrapException("bootstrap file " + source + " is not valid YAML or JSON: "
          + e.getMessage(), e);
    }
  }
}

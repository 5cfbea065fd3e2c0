package dev.lanyard.cli.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Reads a command's input: the named FILE, or standard input when there is none. */
final class InputText {
  private InputText() {}

  /**
   * All bytes of {@code file}, or of {@code stdin} when {@code file} is null. A file that cannot
   * be read is a usage error (exit code 2).
   */
  static byte[] readAll(Path file, InputStream stdin, CommandSpec spec) {
    try {
      return file == null ? stdin.readAllBytes() : Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ParameterException(spec.commandLine(),
          "FILE " + file + " does not exist; give a readable file, or no FILE to read standard input");
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), (file == null ? "standard input" : "FILE " + file)
          + " cannot be read (" + e.getClass().getSimpleName() + "); give a readable file, or no FILE"
          + " to read standard input");
    }
  }

  /** Strict UTF-8 decoding; a leading byte order mark is kept for the parser to skip. */
  static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** Fails with a usage error when {@code file} is given but is not a readable regular file. */
  static void requireReadable(Path file, CommandSpec spec) {
    if (file != null && (!Files.isRegularFile(file) || !Files.isReadable(file))) {
      throw new ParameterException(spec.commandLine(), "FILE " + file + " is "
          + (Files.exists(file) ? "not a readable file" : "missing")
          + "; give a readable file, or no FILE to read standard input");
    }
  }
}

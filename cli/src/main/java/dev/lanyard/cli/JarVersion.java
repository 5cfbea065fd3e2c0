package dev.lanyard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version printed by {@code lanyard --version}: from the Maven properties packed into the jar,
 * else the jar manifest, else "development build".
 */
final class JarVersion implements IVersionProvider {
  private static final String POM_PROPERTIES = "/META-INF/maven/dev.lanyard/lanyard-cli/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"lanyard " + version()};
  }

  static String version() {
    try (InputStream in = JarVersion.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank()) {
          return version;
        }
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    String manifest = JarVersion.class.getPackage().getImplementationVersion();
    return manifest != null ? manifest : "development build";
  }
}

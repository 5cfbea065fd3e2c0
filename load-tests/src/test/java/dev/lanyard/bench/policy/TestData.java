package dev.lanyard.bench.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The managed policies data file for tests, which run from the module folder. */
final class TestData {

  private TestData() {}

  /** The data file; the calling test is skipped when it is not present. */
  static Path managedPolicies() {
    String env = System.getenv(ManagedPolicyFile.ENVIRONMENT);
    List<Path> candidates = env == null
        ? List.of(Path.of("..", "..", "shared", "data"), Path.of("..", "shared", "data"))
        : List.of(Path.of(env));
    for (Path dir : candidates) {
      Path file = dir.resolve(ManagedPolicyFile.FILE_NAME);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    Assumptions.assumeTrue(false, ManagedPolicyFile.FILE_NAME + " not found in " + candidates);
    return null;
  }
}

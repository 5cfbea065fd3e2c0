package dev.lanyard.bench.policy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedPoliciesCompileBenchmarkTest {

  @Test
  void everyManagedPolicyValidatesAndCompilesInTheSetUp() throws IOException {
    new ManagedPoliciesCompileBenchmark().prepare(TestData.managedPolicies());
  }

  @Test
  void aFileWithTheWrongNumberOfPoliciesIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(ManagedPolicyFile.FILE_NAME);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("{\"name\":\"A\",\"document\":{\"Version\":\"2012-10-17\",\"Statement\":[]}}\n"
          .getBytes(StandardCharsets.UTF_8));
    }
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new ManagedPoliciesCompileBenchmark().prepare(file));
    assertTrue(e.getMessage().contains("holds 1 policies; expected 1523"), e.getMessage());
  }
}

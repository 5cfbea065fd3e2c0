package dev.lanyard.bench.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.openjdk.jmh.infra.Blackhole;

class ManagedPoliciesCompileBenchmarkTest {

  private static final Blackhole BLACKHOLE = new Blackhole(
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

  @Test
  void everyManagedPolicyValidatesAndCompiles() throws IOException {
    ManagedPoliciesCompileBenchmark benchmark = new ManagedPoliciesCompileBenchmark();
    benchmark.prepare(TestData.managedPolicies());
    assertEquals(ManagedPoliciesCompileBenchmark.EXPECTED_POLICIES, benchmark.parseValidateCompileAll(BLACKHOLE));
    benchmark.checkAllValid();
  }

  @Test
  void anInvalidDocumentFailsTheIteration(@TempDir Path dir) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < ManagedPoliciesCompileBenchmark.EXPECTED_POLICIES; i++) {
      String principal = i == 7 ? "\"Principal\":\"*\"," : "";
      lines.append("{\"name\":\"P").append(i).append("\",\"document\":{\"Version\":\"2012-10-17\",")
          .append("\"Statement\":[{\"Effect\":\"Allow\",").append(principal)
          .append("\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}}\n");
    }
    ManagedPoliciesCompileBenchmark benchmark = new ManagedPoliciesCompileBenchmark();
    benchmark.prepare(gzip(dir, lines.toString()));
    assertEquals(ManagedPoliciesCompileBenchmark.EXPECTED_POLICIES - 1, benchmark.parseValidateCompileAll(BLACKHOLE));
    IllegalStateException e = assertThrows(IllegalStateException.class, benchmark::checkAllValid);
    assertTrue(e.getMessage().startsWith("1 managed policy documents were not valid identity policies, first P7"), e.getMessage());
  }

  @Test
  void aFileWithTheWrongNumberOfPoliciesIsRefused(@TempDir Path dir) throws IOException {
    Path file = gzip(dir, "{\"name\":\"A\",\"document\":{\"Version\":\"2012-10-17\",\"Statement\":[]}}\n");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new ManagedPoliciesCompileBenchmark().prepare(file));
    assertTrue(e.getMessage().contains("holds 1 policies; expected 1523"), e.getMessage());
  }

  private static Path gzip(Path dir, String text) throws IOException {
    Path file = dir.resolve(ManagedPolicyFile.FILE_NAME);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}

package dev.lanyard.bench.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedPolicyFileTest {

  @TempDir Path dir;
  private final String before = System.getProperty(ManagedPolicyFile.PROPERTY);

  @AfterEach
  void restoreProperty() {
    if (before == null) {
      System.clearProperty(ManagedPolicyFile.PROPERTY);
    } else {
      System.setProperty(ManagedPolicyFile.PROPERTY, before);
    }
  }

  @Test
  void readsNamesAndDocumentsInOrder() throws IOException {
    Path file = gzip("""
        {"name":"B","version":"v1","document":{"Version":"2012-10-17","Statement":[]}}

        {"name":"A","version":"v2","document":{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}}
        """);
    List<ManagedPolicySource> read = ManagedPolicyFile.read(file);
    assertEquals(List.of(
        new ManagedPolicySource("B", "{\"Version\":\"2012-10-17\",\"Statement\":[]}"),
        new ManagedPolicySource("A", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}")),
        read);
    assertEquals("arn:aws:iam::aws:policy/A", ManagedPolicyFile.find(read, "A").arn());
  }

  @Test
  void aLineWithoutADocumentNamesTheLine() throws IOException {
    Path file = gzip("""
        {"name":"A","document":{}}
        {"name":"B","document":"not an object"}
        """);
    IOException e = assertThrows(IOException.class, () -> ManagedPolicyFile.read(file));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void findNamesTheMissingPolicy() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ManagedPolicyFile.find(List.of(new ManagedPolicySource("A", "{}")), "ReadOnlyAccess"));
    assertTrue(e.getMessage().contains("\"ReadOnlyAccess\""), e.getMessage());
  }

  @Test
  void thePropertyMayNameTheFolderOrTheFile() throws IOException {
    Path file = gzip("{\"name\":\"A\",\"document\":{}}\n");
    System.setProperty(ManagedPolicyFile.PROPERTY, dir.toString());
    assertEquals(file, ManagedPolicyFile.locate());
    System.setProperty(ManagedPolicyFile.PROPERTY, file.toString());
    assertEquals(file, ManagedPolicyFile.locate());
  }

  @Test
  void aMissingFileSaysWhereItLookedAndHowToSetIt() {
    System.setProperty(ManagedPolicyFile.PROPERTY, dir.resolve("absent").toString());
    IllegalStateException e = assertThrows(IllegalStateException.class, ManagedPolicyFile::locate);
    assertTrue(e.getMessage().contains("absent"), e.getMessage());
    assertTrue(e.getMessage().contains("system property lanyard.data"), e.getMessage());
    assertTrue(e.getMessage().contains("LANYARD_TEST_DATA"), e.getMessage());
  }

  @Test
  void theRealFileHoldsEveryManagedPolicyOnce() throws IOException {
    List<ManagedPolicySource> all = ManagedPolicyFile.read(TestData.managedPolicies());
    assertEquals(ManagedPoliciesCompileBenchmark.EXPECTED_POLICIES, all.size());
    assertEquals(all.size(), new HashSet<>(all.stream().map(ManagedPolicySource::name).toList()).size());
  }

  private Path gzip(String text) throws IOException {
    Path file = dir.resolve(ManagedPolicyFile.FILE_NAME);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}

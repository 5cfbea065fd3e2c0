package dev.lanyard.policy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.validate.Finding;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile input is refused with a {@link PolicyParseException}: never a hang, a stack overflow, an
 * out-of-memory error or another unchecked exception. The 5-second bounds are hang guards.
 */
class HostileInputTest {
  private static final Duration GUARD = Duration.ofSeconds(5);

  private static Finding refused(String json) {
    return assertTimeoutPreemptively(GUARD,
        () -> assertThrows(PolicyParseException.class, () -> PolicyParser.parse(json)).finding());
  }

  private static Finding refused(byte[] utf8) {
    return assertTimeoutPreemptively(GUARD,
        () -> assertThrows(PolicyParseException.class, () -> PolicyParser.parse(utf8)).finding());
  }

  @Test
  void deepNestingAtTheTop() {
    Finding f = refused("[".repeat(100_000));
    assertEquals("$", f.path());
    assertTrue(f.message().contains("must be a JSON object"), f.message());
  }

  @Test
  void deepNestingInsideAnElement() {
    String json = "{\"Statement\": {\"Effect\": \"Allow\", \"Condition\": {\"StringEquals\": {\"k\": "
        + "[".repeat(100_000);
    Finding f = refused(json);
    assertEquals("$.Statement.Condition.StringEquals.k[0]", f.path());
  }

  @Test
  void deepNestingOfObjects() {
    Finding f = refused("{\"Id\": " + "{\"a\": ".repeat(100_000));
    assertEquals("$.Id", f.path());
  }

  @Test
  void aTenMegabyteStringIsRefusedByTheDocumentLimit() {
    String json = "{\"Version\": \"" + "a".repeat(10 * 1024 * 1024) + "\", \"Statement\": []}";
    Finding f = refused(json);
    assertTrue(f.message().contains("at most " + PolicyParser.MAX_DOCUMENT_CHARS + " characters"), f.message());
    assertTrue(f.message().length() < 400, "message stays short");
  }

  @Test
  void aStringOverTheStringLimitIsRefusedByJackson() {
    String json = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \""
        + "a".repeat(PolicyParser.MAX_STRING_CHARS + 10) + "\"}}";
    Finding f = refused(json);
    assertEquals("$.Statement.Action", f.path());
    assertTrue(f.message().startsWith("the document exceeds a parser limit"), f.message());
  }

  @Test
  void aHugeKeyIsRefused() {
    String json = "{\"" + "k".repeat(PolicyParser.MAX_STRING_CHARS + 10) + "\": 1}";
    assertTrue(refused(json).message().startsWith("the document exceeds a parser limit"));
  }

  @Test
  void aTenMegabyteByteArrayIsRefused() {
    byte[] utf8 = ("{\"Id\": \"" + "a".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertTrue(refused(utf8).message().contains("at most"));
  }

  @Test
  void invalidUtf8IsRefusedWithItsPosition() {
    byte[] utf8 = "{\n  \"Id\": \"ab?\"}".getBytes(StandardCharsets.US_ASCII);
    utf8[11] = (byte) 0xC3; // a lead byte followed by '"', not a continuation byte
    Finding f = refused(utf8);
    assertEquals(2, f.line());
    assertEquals(10, f.column());
    assertTrue(f.message().contains("byte 0xC3 at byte offset 11"), f.message());
  }

  @Test
  void encodedSurrogatesAndOverlongFormsAreInvalidUtf8() {
    byte[] surrogate = {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'};
    assertTrue(refused(surrogate).message().contains("not valid UTF-8"));
    byte[] overlong = {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'};
    assertTrue(refused(overlong).message().contains("not valid UTF-8"));
    byte[] truncated = {'{', '"', (byte) 0xE2, (byte) 0x82};
    assertTrue(refused(truncated).message().contains("not valid UTF-8"));
  }

  @Test
  void duplicateKeysAreRefused() {
    Finding f = refused("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Action\": \"s3:*\"}}");
    assertTrue(f.message().contains("duplicate key \"Action\""));
  }

  @Test
  void aHundredThousandStatementsAreRefused() {
    String json = "{\"Statement\": [" + "{\"Effect\": \"Deny\"},".repeat(99_999) + "{\"Effect\": \"Deny\"}]}";
    Finding f = refused(json);
    assertEquals("$.Statement[" + PolicyParser.MAX_STATEMENTS + "]", f.path());
    assertTrue(f.message().contains("more than " + PolicyParser.MAX_STATEMENTS + " statements"));
  }

  @Test
  void controlCharactersAndTruncationAreRefused() {
    assertTrue(refused("{\"Id\": \"a\u0001b\"}").message().contains("not valid JSON"));
    assertTrue(refused("{\"Statement\": {\"Effect\": \"Allow\"").message().contains("not valid JSON"));
    assertTrue(refused("{\"Id\": \"abc").message().contains("not valid JSON"));
    assertTrue(refused("{\"Id\": \"\\uZZZZ\"}").message().contains("not valid JSON"));
  }

  @Test
  void nonStandardJsonIsRefused() {
    refused("{\"Statement\": {\"Effect\": \"Allow\"}, /* comment */ \"Id\": \"x\"}");
    refused("{'Statement': {}}");
    refused("{\"Statement\": {\"Effect\": \"Allow\",}}");
    refused("{\"Statement\": {\"Effect\": \"Allow\", \"Condition\": {\"NumericEquals\": {\"k\": NaN}}}}");
    refused("{\"Statement\": {\"Effect\": \"Allow\", \"Condition\": {\"NumericEquals\": {\"k\": 007}}}}");
  }

  @Test
  void randomMutationsOfAValidDocumentNeverEscapeAsOtherExceptions() {
    String valid = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A1\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":[\"arn:aws:iam::123456789012:root\"]},\"Action\":[\"s3:Get*\"],"
        + "\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"ForAnyValue:StringLike\":{\"aws:TagKeys\":[\"a*\",1,true]}}}]}";
    byte[] alphabet = "{}[]\":,\\ 0aZ*\u00ff".getBytes(StandardCharsets.UTF_8);
    Random random = new Random(20240611L);
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      int refusedCount = 0;
      for (int round = 0; round < 5_000; round++) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
          int at = random.nextInt(bytes.length);
          bytes[at] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
        }
        try {
          PolicyParser.parse(bytes);
        } catch (PolicyParseException expected) {
          refusedCount++;
          assertTrue(expected.finding().line() >= 0 && expected.finding().column() >= 0);
        }
      }
      assertTrue(refusedCount > 1_000, "mutations should mostly break the document: " + refusedCount);
    });
  }
}

package dev.lanyard.policy.arn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArnTest {

  @Test
  void parsesTheSixSegments() {
    Arn arn = Arn.parse("arn:aws:iam::111122223333:user/division/alice");
    assertEquals(new Arn("aws", "iam", "", "111122223333", "user/division/alice"), arn);
  }

  @Test
  void resourceKeepsColonsAndSlashes() {
    Arn arn = Arn.parse("arn:aws-cn:logs:cn-north-1:111122223333:log-group:/aws/lambda/f:*");
    assertEquals("aws-cn", arn.partition());
    assertEquals("logs", arn.service());
    assertEquals("cn-north-1", arn.region());
    assertEquals("log-group:/aws/lambda/f:*", arn.resource());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "arn:aws:s3:::bucket/key",
      "arn:aws:sts::111122223333:assumed-role/Admin/session",
      "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc",
      "arn:*:s3:::*"})
  void toStringGivesTheTextBack(String text) {
    assertEquals(text, Arn.parse(text).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "*", "bucket/key", "ARN:aws:s3:::b", "arn:aws:s3", "arn:aws:s3::b",
      "arn::s3:::b", "arn:aws::::b", "arn:aws:s3:::"})
  void refusesNonArns(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arn.parse(text));
    assertTrue(e.getMessage().contains("arn:partition:service:region:account:resource")
        || e.getMessage().contains("expected"), e.getMessage());
    assertFalse(Arn.isArn(text));
  }

  @Test
  void messageNamesTheProblem() {
    assertTrue(Arn.parse("arn:aws:s3:::b") != null);
    String m = assertThrows(IllegalArgumentException.class, () -> Arn.parse("arn:aws:s3")).getMessage();
    assertTrue(m.contains("fewer than six"), m);
    m = assertThrows(IllegalArgumentException.class, () -> Arn.parse("arn::s3:::b")).getMessage();
    assertTrue(m.contains("partition"), m);
    m = assertThrows(IllegalArgumentException.class, () -> Arn.parse(null)).getMessage();
    assertTrue(m.contains("null"), m);
  }

  @Test
  void longInputIsAbbreviatedInMessages() {
    String m = assertThrows(IllegalArgumentException.class, () -> Arn.parse("x".repeat(10_000))).getMessage();
    assertTrue(m.length() < 500, "message length " + m.length());
  }
}

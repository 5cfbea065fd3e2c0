package dev.lanyard.policy.match;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.variable.Template;
import dev.lanyard.policy.variable.VariableSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArnPatternTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      "arn:aws:s3:::bucket/* | arn:aws:s3:::bucket/a/b/c | true",
      "arn:aws:s3:::bucket/* | arn:aws:s3:::bucket/a:b | true",
      "arn:aws:s3:::bucket/* | arn:aws:s3:::bucketx/a | false",
      "arn:aws:s3:::bucket/* | arn:aws:s3:::Bucket/a | false",
      "arn:aws:s3:::* | arn:aws:s3:::anything | true",
      "arn:aws:s3:::* | arn:aws:ec2:::anything | false",
      "arn:aws:ec2:*:111122223333:instance/* | arn:aws:ec2:us-east-1:111122223333:instance/i-1 | true",
      "arn:aws:ec2:*:111122223333:instance/* | arn:aws:ec2:us-east-1:444455556666:instance/i-1 | false",
      "arn:aws:ec2:us-*:*:instance/* | arn:aws:ec2:us-west-2:1:instance/x | true",
      "arn:aws:iam::*:role/* | arn:aws:iam::111122223333:role/a/b | true",
      "arn:aws:iam::???????????3:root | arn:aws:iam::111122223333:root | true",
      "arn:aws:iam::*:root | arn:aws:iam::1:2:root | false",
      "arn:*:*:*:*:* | arn:aws:s3:::b | true",
      "arn:*:*:*:*:* | arn:aws:s3:: | false",
      "* | arn:aws:s3:::b | true",
      "* | not-an-arn | true",
      "arn:aws:s3:::b | not-an-arn | false",
      "arn:aws:s3:::b | arn:aws:s3:::b | true",
      "arn:aws:logs:*:*:log-group:/aws/*:* | arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/f:log-stream:x | true"})
  void matchesSegmentBySegment(String pattern, String value, boolean expected) {
    assertTrue(ArnPattern.of(pattern).matches(value, VariableSource.EMPTY) == expected);
  }

  @Test
  void starInAnEarlySegmentDoesNotCrossColons() {
    ArnPattern p = ArnPattern.of("arn:aws:s3*:::b");
    assertFalse(p.matches("arn:aws:s3:x:::b", VariableSource.EMPTY));
    assertTrue(p.matches("arn:aws:s3x:::b", VariableSource.EMPTY));
  }

  @Test
  void variablesWithColonsDoNotSplitSegments() {
    ArnPattern p = ArnPattern.compile(Template.parse(
        "arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}", true));
    VariableSource vars = Map.of("aws:principalaccount", "111122223333", "aws:username", "alice")::get;
    assertTrue(p.matches("arn:aws:iam::111122223333:user/alice", vars));
    assertFalse(p.matches("arn:aws:iam::111122223333:user/bob", vars));
    assertFalse(p.matches("arn:aws:iam::444455556666:user/alice", vars));
    assertFalse(p.matches("arn:aws:iam::111122223333:user/alice", VariableSource.EMPTY));
  }

  @Test
  void matchAllIsRecognised() {
    assertTrue(ArnPattern.of("*").isMatchAll());
    assertFalse(ArnPattern.of("arn:aws:s3:::*").isMatchAll());
  }
}

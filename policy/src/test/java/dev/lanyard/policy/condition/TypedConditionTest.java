package dev.lanyard.policy.condition;

import static dev.lanyard.policy.condition.Conditions.cond;
import static dev.lanyard.policy.condition.Conditions.context;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypedConditionTest {

  @Test
  void numericOperators() {
    // AWS docs: "NumericLessThanEquals": {"s3:max-keys": "10"}
    assertTrue(cond("NumericLessThanEquals", "s3:max-keys", "10").test(context("s3:max-keys", "10")));
    assertFalse(cond("NumericLessThanEquals", "s3:max-keys", "10").test(context("s3:max-keys", "11")));
    assertTrue(cond("NumericLessThan", "n", "10").test(context("n", "9.99")));
    assertFalse(cond("NumericLessThan", "n", "10").test(context("n", "10")));
    assertTrue(cond("NumericGreaterThan", "n", "-1").test(context("n", "0")));
    assertTrue(cond("NumericGreaterThanEquals", "n", "1e2").test(context("n", "100")));
    assertTrue(cond("NumericEquals", "n", "10").test(context("n", "10.000")));
    assertFalse(cond("NumericEquals", "n", "10").test(context("n", "10.0001")));
    assertTrue(cond("NumericNotEquals", "n", "1", "2").test(context("n", "3")));
    assertFalse(cond("NumericNotEquals", "n", "1", "2").test(context("n", "2")));
    assertTrue(cond("NumericEquals", "n", "9223372036854775807").test(context("n", "9223372036854775807")));
    assertFalse(cond("NumericEquals", "n", "9223372036854775807").test(context("n", "9223372036854775808")));
  }

  @Test
  void valuesThatDoNotParseMakeTheConditionFalse() {
    assertFalse(cond("NumericEquals", "n", "abc").test(context("n", "1")));
    assertFalse(cond("NumericNotEquals", "n", "abc").test(context("n", "1")), "bad policy value, even negated");
    assertFalse(cond("NumericEquals", "n", "1").test(context("n", "abc")));
    assertFalse(cond("NumericNotEquals", "n", "1").test(context("n", "abc")), "bad request value, even negated");
    assertFalse(cond("NumericNotEquals", "n", "abc").test(context()), "an unusable condition stays false");
    assertFalse(cond("DateLessThan", "d", "yesterday").test(context("d", "2020-01-01")));
    assertFalse(cond("Bool", "b", "yes").test(context("b", "true")));
    assertFalse(cond("Bool", "b", "true").test(context("b", "1")));
    assertFalse(cond("IpAddress", "ip", "10.0.0.0/33").test(context("ip", "10.0.0.1")));
    assertFalse(cond("IpAddress", "ip", "10.0.0.0/8").test(context("ip", "host.example")));
    assertFalse(cond("BinaryEquals", "b", "%%%").test(context("b", "QQ==")));
    assertFalse(cond("ArnLike", "a", "arn:aws:s3:::*").test(context("a", "not-an-arn")));
    assertFalse(cond("ArnNotLike", "a", "arn:aws:s3:::*").test(context("a", "not-an-arn")));
  }

  @Test
  void dateOperatorsAcceptIsoAndEpoch() {
    // AWS docs: "DateGreaterThan": {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}
    CompiledCondition after = cond("DateGreaterThan", "aws:TokenIssueTime", "2020-01-01T00:00:01Z");
    assertTrue(after.test(context("aws:TokenIssueTime", "2020-01-01T00:00:02Z")));
    assertFalse(after.test(context("aws:TokenIssueTime", "2020-01-01T00:00:01Z")));
    assertTrue(after.test(context("aws:TokenIssueTime", "1577836802")), "epoch seconds");
    assertFalse(after.test(context("aws:TokenIssueTime", "2020-01-01T01:00:01+01:00")), "same instant");
    assertTrue(after.test(context("aws:TokenIssueTime", "2020-01-01T00:00:01.001Z")), "milliseconds");
    CompiledCondition equals = cond("DateEquals", "d", "2020-01-01");
    assertTrue(equals.test(context("d", "2020-01-01T00:00:00Z")));
    assertTrue(equals.test(context("d", "2020-01-01T00:00Z")));
    assertTrue(equals.test(context("d", "2020-01-01T00:00:00.000+00:00")));
    assertTrue(equals.test(context("d", "2020-01-01T02:00:00+0200")));
    assertTrue(equals.test(context("d", "2019-12-31T19:00:00-05")));
    assertTrue(equals.test(context("d", "1577836800")));
    assertTrue(equals.test(context("d", "2020-01-01T00:00:00")), "no offset means UTC");
    assertFalse(equals.test(context("d", "2020-01-01T00:00:01Z")));
    assertTrue(cond("DateNotEquals", "d", "2020-01-01", "2020-01-02").test(context("d", "2020-01-03")));
    assertFalse(cond("DateNotEquals", "d", "2020-01-01", "2020-01-02").test(context("d", "2020-01-02")));
    assertTrue(cond("DateLessThanEquals", "d", "1577836800").test(context("d", "2020-01-01T00:00:00Z")));
    assertTrue(cond("DateGreaterThanEquals", "d", "2020-02-29T23:59:59Z").test(context("d", "2020-03-01")));
  }

  @Test
  void dateParserRefusesImpossibleDates() {
    assertTrue(DateValue.parseMillis("2021-02-29") == DateValue.INVALID);
    assertTrue(DateValue.parseMillis("2021-13-01") == DateValue.INVALID);
    assertTrue(DateValue.parseMillis("2021-01-01T25:00Z") == DateValue.INVALID);
    assertTrue(DateValue.parseMillis("2021-01-01T10:00+25:00") == DateValue.INVALID);
    assertTrue(DateValue.parseMillis("2021-01-01X") == DateValue.INVALID);
    assertTrue(DateValue.parseMillis("") == DateValue.INVALID);
    assertTrue(DateValue.parseMillis("1.5") == 1500);
  }

  @Test
  void boolOperator() {
    // AWS docs: "Bool": {"aws:SecureTransport": "false"}
    CompiledCondition c = cond("Bool", "aws:SecureTransport", "false");
    assertTrue(c.test(context("aws:SecureTransport", "false")));
    assertTrue(c.test(context("aws:SecureTransport", "FALSE")));
    assertFalse(c.test(context("aws:SecureTransport", "true")));
    assertFalse(c.test(context()));
    assertTrue(cond("BoolIfExists", "aws:MultiFactorAuthPresent", "false").test(context()));
  }

  @Test
  void binaryEqualsComparesDecodedBytes() {
    String v = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
    assertTrue(cond("BinaryEquals", "key", v).test(context("key", v)));
    assertFalse(cond("BinaryEquals", "key", v).test(context("key", Base64.getEncoder().encodeToString(new byte[] {1, 2}))));
    assertFalse(cond("BinaryEquals", "key", v).test(context("key", "not base64!")));
  }

  @Test
  void ipv4Ranges() {
    // AWS docs: "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}
    CompiledCondition c = cond("IpAddress", "aws:SourceIp", "203.0.113.0/24", "198.51.100.7");
    assertTrue(c.test(context("aws:SourceIp", "203.0.113.7")));
    assertTrue(c.test(context("aws:SourceIp", "198.51.100.7")));
    assertFalse(c.test(context("aws:SourceIp", "198.51.100.8")));
    assertFalse(c.test(context("aws:SourceIp", "203.0.114.1")));
    assertTrue(cond("IpAddress", "ip", "0.0.0.0/0").test(context("ip", "8.8.8.8")));
    assertTrue(cond("IpAddress", "ip", "10.1.2.3/8").test(context("ip", "10.200.0.1")), "host bits ignored");
    assertTrue(cond("NotIpAddress", "ip", "10.0.0.0/8", "192.168.0.0/16").test(context("ip", "172.16.0.1")));
    assertFalse(cond("NotIpAddress", "ip", "10.0.0.0/8", "192.168.0.0/16").test(context("ip", "192.168.3.4")));
    assertFalse(cond("IpAddress", "ip", "10.0.0.0/8").test(context("ip", "10.0.0.256")));
  }

  @Test
  void ipv6Ranges() {
    // AWS docs: "IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:DB8:1234:5678::/64"]}
    CompiledCondition c = cond("IpAddress", "aws:SourceIp", "203.0.113.0/24", "2001:DB8:1234:5678::/64");
    assertTrue(c.test(context("aws:SourceIp", "2001:db8:1234:5678::1")));
    assertTrue(c.test(context("aws:SourceIp", "2001:db8:1234:5678:ffff:ffff:ffff:ffff")));
    assertFalse(c.test(context("aws:SourceIp", "2001:db8:1234:5679::1")));
    assertTrue(cond("IpAddress", "ip", "::/0").test(context("ip", "fe80::1")));
    assertFalse(cond("IpAddress", "ip", "::/0").test(context("ip", "10.0.0.1")), "families are separate");
    assertTrue(cond("IpAddress", "ip", "2001:db8::/127").test(context("ip", "2001:db8::1")));
    assertFalse(cond("IpAddress", "ip", "2001:db8::/127").test(context("ip", "2001:db8::2")));
    assertTrue(cond("IpAddress", "ip", "::ffff:10.0.0.0/120").test(context("ip", "::ffff:10.0.0.9")));
    assertTrue(cond("IpAddress", "ip", "2001:db8:0:0:0:0:0:1").test(context("ip", "2001:DB8::1")));
    assertFalse(cond("IpAddress", "ip", "2001:db8::/32").test(context("ip", "2001:db8::1::2")));
  }

  @Test
  void ipParserEdgeCases() {
    assertTrue(IpAddress.parse("::") != null);
    assertTrue(IpAddress.parse("1::") != null);
    assertTrue(IpAddress.parse("1:2:3:4:5:6:7:8") != null);
    assertTrue(IpAddress.parse("1:2:3:4:5:6:7:8:9") == null);
    assertTrue(IpAddress.parse("1:2:3:4:5:6:7::8") == null);
    assertTrue(IpAddress.parse(":1") == null);
    assertTrue(IpAddress.parse("1:") == null);
    assertTrue(IpAddress.parse("12345::") == null);
    assertTrue(IpAddress.parse("1.2.3") == null);
    assertTrue(IpAddress.parse("1.2.3.4.5") == null);
    assertTrue(IpAddress.parse("") == null);
    assertTrue(IpRange.parse("1.2.3.4/") == null);
  }

  @Test
  void arnOperatorsMatchSegmentWise() {
    // AWS docs: "ArnLike": {"aws:SourceArn": "arn:aws:sns:REGION:123456789012:TOPIC-ID"}
    CompiledCondition like = cond("ArnLike", "aws:SourceArn", "arn:aws:sns:*:123456789012:my-topic");
    assertTrue(like.test(context("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:my-topic")));
    assertFalse(like.test(context("aws:SourceArn", "arn:aws:sns:us-east-1:123456789013:my-topic")));
    assertTrue(cond("ArnEquals", "a", "arn:aws:iam::*:role/x").test(context("a", "arn:aws:iam::1:role/x")),
        "ArnEquals accepts wildcards too");
    assertTrue(cond("ArnNotEquals", "a", "arn:aws:s3:::a", "arn:aws:s3:::b").test(context("a", "arn:aws:s3:::c")));
    assertFalse(cond("ArnNotLike", "a", "arn:aws:s3:::a*").test(context("a", "arn:aws:s3:::abc")));
    assertTrue(cond("ArnLike", "aws:PrincipalArn", "arn:aws:iam::${aws:PrincipalAccount}:role/*")
        .test(context("aws:PrincipalArn", "arn:aws:iam::111122223333:role/r", "aws:PrincipalAccount", "111122223333")));
  }

  @Test
  void nullOperator() {
    // AWS docs: "Null": {"aws:TokenIssueTime": "true"} is true when the key is absent.
    assertTrue(cond("Null", "aws:TokenIssueTime", "true").test(context()));
    assertFalse(cond("Null", "aws:TokenIssueTime", "true").test(context("aws:TokenIssueTime", "2020-01-01")));
    assertTrue(cond("Null", "aws:TokenIssueTime", "false").test(context("aws:TokenIssueTime", "2020-01-01")));
    assertFalse(cond("Null", "aws:TokenIssueTime", "false").test(context()));
    assertFalse(cond("Null", "k", "maybe").test(context()));
  }

  @Test
  void multiValuedTypedKeys() {
    assertTrue(cond("ForAllValues:NumericLessThan", "n", "5").test(context("n", List.of("1", "4"))));
    assertFalse(cond("ForAllValues:NumericLessThan", "n", "5").test(context("n", List.of("1", "6"))));
    assertTrue(cond("ForAnyValue:IpAddress", "ip", "10.0.0.0/8").test(context("ip", List.of("1.1.1.1", "10.0.0.1"))));
  }
}

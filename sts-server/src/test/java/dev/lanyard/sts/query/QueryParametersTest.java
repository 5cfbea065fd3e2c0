package dev.lanyard.sts.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParametersTest {
  @Test
  void decodesFormEncodingIncludingPlusAndPercentEscapes() {
    QueryParameters p = QueryParameters.parse("Action=AssumeRole&Policy=%7B%22a%22%3A1%7D&Name=two+words&Empty=&Flag");
    assertEquals("AssumeRole", p.text("Action"));
    assertEquals("{\"a\":1}", p.text("Policy"));
    assertEquals("two words", p.text("Name"));
    assertEquals("", p.text("Empty"));
    assertEquals("", p.text("Flag"));
    assertNull(p.text("Missing"));
    assertTrue(QueryParameters.parse(null).names().isEmpty());
    assertTrue(QueryParameters.parse("").names().isEmpty());
  }

  @Test
  void readsFlattenedListsInMemberOrderNotSendingOrder() {
    QueryParameters p = QueryParameters.parse("TransitiveTagKeys.member.2=B&TransitiveTagKeys.member.10=C"
        + "&TransitiveTagKeys.member.1=A&Other.member.1=X");
    assertEquals(List.of("A", "B", "C"), p.members("TransitiveTagKeys"));
    assertEquals(List.of(), p.members("Absent"));
  }

  @Test
  void readsListsOfStructures() {
    QueryParameters p = QueryParameters.parse("Tags.member.2.Key=Team&Tags.member.2.Value=&Tags.member.1.Key=Project"
        + "&Tags.member.1.Value=blue&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnly");
    assertEquals(List.of(Map.of("Key", "Project", "Value", "blue"), Map.of("Key", "Team", "Value", "")),
        p.structures("Tags"));
    assertEquals(List.of(Map.of("arn", "arn:aws:iam::aws:policy/ReadOnly")), p.structures("PolicyArns"));
  }

  @Test
  void refusesBadMemberNumbersRepeatedNamesAndMalformedEscapes() {
    QueryProtocolException zero = assertThrows(QueryProtocolException.class,
        () -> QueryParameters.parse("Tags.member.0.Key=a").structures("Tags"));
    assertEquals("InvalidParameterValue", zero.error().code());
    assertThrows(QueryProtocolException.class, () -> QueryParameters.parse("Tags.member.x=a").members("Tags"));
    assertThrows(QueryProtocolException.class, () -> QueryParameters.parse("Tags.member.01.Key=a").structures("Tags"));

    QueryProtocolException twice = assertThrows(QueryProtocolException.class,
        () -> QueryParameters.parse("RoleArn=a&RoleArn=b"));
    assertTrue(twice.error().message().startsWith("RoleArn: given more than once"), twice.error().message());
    assertThrows(QueryProtocolException.class,
        () -> QueryParameters.parse("Action=A").with(QueryParameters.parse("Action=B")));

    QueryProtocolException malformed = assertThrows(QueryProtocolException.class,
        () -> QueryParameters.parse("Action=%ZZ"));
    assertEquals("MalformedQueryString", malformed.error().code());
    assertEquals(400, malformed.error().httpStatus());
    assertThrows(QueryProtocolException.class, () -> QueryParameters.parse("=value"));
  }

  @Test
  void readsIntegersAndRefusesOtherText() {
    QueryParameters p = QueryParameters.parse("DurationSeconds=900&Bad=15m&Blank=");
    assertEquals(900, p.integer("DurationSeconds"));
    assertNull(p.integer("Blank"));
    assertNull(p.integer("Absent"));
    QueryProtocolException e = assertThrows(QueryProtocolException.class, () -> p.integer("Bad"));
    assertEquals("InvalidParameterValue", e.error().code());
    assertTrue(e.error().message().contains("'15m' is not an integer"), e.error().message());
  }

  @Test
  void echoesUntrustedValuesPrintableAndShortAndPrintsNoValues() {
    assertEquals("a?b", QueryParameters.echo("a\u0001b"));
    assertEquals("x".repeat(64) + "...", QueryParameters.echo("x".repeat(100)));
    assertEquals("QueryParameters[TokenCode]", QueryParameters.parse("TokenCode=123456").toString());
  }
}

package dev.lanyard.policy.parse;

import static dev.lanyard.policy.parse.ParseAssertions.assertFinding;
import static dev.lanyard.policy.parse.ParseAssertions.assertPosition;
import static dev.lanyard.policy.parse.ParseAssertions.parseError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.model.PrincipalClause;
import dev.lanyard.policy.model.PrincipalKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Principal} and {@code NotPrincipal}, with examples from the IAM "Principal" page. */
class PrincipalParsingTest {

  private static PrincipalClause principal(String principalJson) throws PolicyParseException {
    return PolicyParser.parse("{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": " + principalJson + "}}")
        .statements().get(0).principal();
  }

  @Test
  void readsTheWildcardString() throws Exception {
    PrincipalClause p = principal("\"*\"");
    assertTrue(p.wildcard());
    assertFalse(p.negated());
    assertTrue(p.ids().isEmpty());
  }

  @Test
  void readsAwsAccountsAsWrittenIncludingABareAccountId() throws Exception {
    PrincipalClause p = principal("{\"AWS\": [\"arn:aws:iam::123456789012:root\", \"999999999999\"]}");
    assertFalse(p.wildcard());
    assertEquals(List.of("arn:aws:iam::123456789012:root", "999999999999"), p.idsOf(PrincipalKind.AWS));
  }

  @Test
  void readsEveryPrincipalKind() throws Exception {
    PrincipalClause p = principal("{\"AWS\": \"*\", "
        + "\"Federated\": \"arn:aws:iam::111122223333:saml-provider/provider-name\", "
        + "\"Service\": [\"ecs.amazonaws.com\", \"elasticloadbalancing.amazonaws.com\"], "
        + "\"CanonicalUser\": \"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"}");
    assertEquals(List.of("*"), p.idsOf(PrincipalKind.AWS));
    assertEquals(1, p.idsOf(PrincipalKind.FEDERATED).size());
    assertEquals(2, p.idsOf(PrincipalKind.SERVICE).size());
    assertEquals(1, p.idsOf(PrincipalKind.CANONICAL_USER).size());
  }

  @Test
  void readsNotPrincipalAsNegated() throws Exception {
    PrincipalClause p = PolicyParser.parse("{\"Statement\": {\"Effect\": \"Deny\", "
        + "\"NotPrincipal\": {\"AWS\": [\"arn:aws:iam::444455556666:user/Bob\"]}}}")
        .statements().get(0).principal();
    assertTrue(p.negated());
    assertEquals(List.of("arn:aws:iam::444455556666:user/Bob"), p.idsOf(PrincipalKind.AWS));
  }

  @Test
  void recordsEachIdPosition() throws Exception {
    String json = "{\"Statement\": {\"Effect\": \"Allow\",\n \"Principal\": {\"Service\": [\"a.amazonaws.com\",\n \"b.amazonaws.com\"]}}}";
    PrincipalClause p = PolicyParser.parse(json).statements().get(0).principal();
    assertPosition(p.position(), "$.Statement.Principal", json, "\"Principal\"");
    assertPosition(p.positionOf(PrincipalKind.SERVICE, 1), "$.Statement.Principal.Service[1]", json,
        "\"b.amazonaws.com\"");
  }

  @Test
  void aPrincipalStringOtherThanStarIsAnError() {
    String json = "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"arn:aws:iam::123456789012:root\"}}";
    assertFinding(parseError(json), "$.Statement.Principal", json, "\"arn:", "must be \"*\"");
  }

  @Test
  void unknownPrincipalTypesAreErrorsWithAHint() {
    String json = "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"aws\": \"*\"}}}";
    assertFinding(parseError(json), "$.Statement.Principal.aws", json, "\"aws\"",
        "did you mean AWS?");
    String other = "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"User\": \"bob\"}}}";
    assertFinding(parseError(other), "$.Statement.Principal.User", other, "\"User\"",
        "accepted (case-sensitive): AWS, Federated, Service, CanonicalUser");
  }

  @Test
  void anEmptyPrincipalObjectIsAnError() {
    String json = "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {}}}";
    assertFinding(parseError(json), "$.Statement.Principal", json, "\"Principal\"", "empty object");
  }

  @Test
  void principalValuesMustBeStrings() {
    String json = "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": 123456789012}}}";
    assertFinding(parseError(json), "$.Statement.Principal.AWS", json, "123456789012",
        "Principal.AWS must be a string or a non-empty array of strings");
    String empty = "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"Service\": []}}}";
    assertFinding(parseError(empty), "$.Statement.Principal.Service", empty, "[]", "empty array");
    String array = "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": [\"*\"]}}";
    assertFinding(parseError(array), "$.Statement.Principal", array, "[", "found an array");
  }

  @Test
  void duplicatePrincipalTypesAreErrors() {
    String json = "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"1\", \"AWS\": \"2\"}}}";
    assertFinding(parseError(json), "$.Statement.Principal.AWS", json, "\"AWS\": \"2\"",
        "duplicate key \"AWS\"");
  }
}

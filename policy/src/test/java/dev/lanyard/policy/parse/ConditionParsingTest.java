package dev.lanyard.policy.parse;

import static dev.lanyard.policy.parse.ParseAssertions.assertFinding;
import static dev.lanyard.policy.parse.ParseAssertions.assertPosition;
import static dev.lanyard.policy.parse.ParseAssertions.parseError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.model.ConditionClause;
import dev.lanyard.policy.model.ConditionOperator;
import dev.lanyard.policy.model.SetQualifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code Condition} block, with examples from the IAM "Condition operators" page. */
class ConditionParsingTest {

  private static String statementWith(String condition) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", "
        + "\"Resource\": \"arn:aws:s3:::amzn-s3-demo-bucket\", \"Condition\": " + condition + "}}";
  }

  private static List<ConditionClause> conditions(String condition) throws PolicyParseException {
    return PolicyParser.parse(statementWith(condition)).statements().get(0).conditions();
  }

  @Test
  void readsOneClausePerOperatorAndKey() throws Exception {
    List<ConditionClause> clauses = conditions("{\"StringEquals\": {\"aws:PrincipalTag/job-category\": "
        + "\"iamuser-admin\", \"aws:PrincipalTag/role\": [\"audit\", \"security\"]}, "
        + "\"DateGreaterThan\": {\"aws:CurrentTime\": \"2020-04-01T00:00:00Z\"}}");
    assertEquals(3, clauses.size());
    ConditionClause first = clauses.get(0);
    assertEquals(ConditionOperator.STRING_EQUALS, first.operator());
    assertEquals(SetQualifier.NONE, first.qualifier());
    assertFalse(first.ifExists());
    assertEquals("aws:PrincipalTag/job-category", first.key());
    assertEquals(List.of("iamuser-admin"), first.values());
    assertEquals(List.of("audit", "security"), clauses.get(1).values());
    assertEquals(ConditionOperator.DATE_GREATER_THAN, clauses.get(2).operator());
  }

  @Test
  void keepsNumbersAndBooleansAsTheirText() throws Exception {
    List<ConditionClause> clauses = conditions("{\"NumericLessThanEquals\": {\"s3:max-keys\": [10, 1.5, \"7\"]}, "
        + "\"Bool\": {\"aws:MultiFactorAuthPresent\": true, \"aws:SecureTransport\": false}}");
    assertEquals(List.of("10", "1.5", "7"), clauses.get(0).values());
    assertEquals(List.of("true"), clauses.get(1).values());
    assertEquals(List.of("false"), clauses.get(2).values());
  }

  @Test
  void readsSetQualifiersAndIfExists() throws Exception {
    List<ConditionClause> clauses = conditions("{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": "
        + "[\"environment\", \"cost-center\"]}, \"ForAnyValue:StringLikeIfExists\": {\"aws:TagKeys\": \"team*\"}, "
        + "\"IpAddressIfExists\": {\"aws:SourceIp\": [\"203.0.113.0/24\", \"2001:DB8:1234:5678::/64\"]}, "
        + "\"Null\": {\"aws:TokenIssueTime\": \"true\"}}");
    assertEquals(SetQualifier.FOR_ALL_VALUES, clauses.get(0).qualifier());
    assertEquals("ForAllValues:StringEquals", clauses.get(0).operatorText());
    assertEquals(SetQualifier.FOR_ANY_VALUE, clauses.get(1).qualifier());
    assertEquals(ConditionOperator.STRING_LIKE, clauses.get(1).operator());
    assertTrue(clauses.get(1).ifExists());
    assertEquals(ConditionOperator.IP_ADDRESS, clauses.get(2).operator());
    assertTrue(clauses.get(2).ifExists());
    assertEquals(ConditionOperator.NULL, clauses.get(3).operator());
  }

  @Test
  void readsEveryBaseOperatorWithAndWithoutIfExists() throws Exception {
    for (ConditionOperator op : ConditionOperator.values()) {
      assertEquals(op, conditions("{\"" + op.text() + "\": {\"k\": \"v\"}}").get(0).operator());
      if (op != ConditionOperator.NULL) {
        ConditionClause c = conditions("{\"" + op.text() + "IfExists\": {\"k\": \"v\"}}").get(0);
        assertEquals(op, c.operator());
        assertTrue(c.ifExists(), op.text());
      }
    }
  }

  @Test
  void recordsTheKeyPosition() throws Exception {
    String json = statementWith("{\"StringLike\": {\n  \"s3:prefix\": [\"home/\"]}}");
    ConditionClause c = PolicyParser.parse(json).statements().get(0).conditions().get(0);
    assertPosition(c.position(), "$.Statement.Condition.StringLike.s3:prefix", json, "\"s3:prefix\"");
  }

  @Test
  void unknownOperatorsListTheFamilies() {
    String json = statementWith("{\"StringEqual\": {\"aws:username\": \"bob\"}}");
    assertFinding(parseError(json), "$.Statement.Condition.StringEqual", json, "\"StringEqual\"",
        "String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress, NotIpAddress, Arn*, Null");
  }

  @Test
  void operatorNamesAreCaseSensitiveWithAHint() {
    String json = statementWith("{\"forAllValues:stringequals\": {\"aws:TagKeys\": \"a\"}}");
    assertFinding(parseError(json), "$.Statement.Condition.forAllValues:stringequals", json,
        "\"forAllValues:", "did you mean ForAllValues:StringEquals?");
  }

  @Test
  void nullDoesNotTakeIfExists() {
    String json = statementWith("{\"NullIfExists\": {\"aws:TokenIssueTime\": \"true\"}}");
    assertFinding(parseError(json), "$.Statement.Condition.NullIfExists", json, "\"NullIfExists\"",
        "Null does not take the IfExists suffix");
  }

  @Test
  void conditionMustBeAnObjectOfObjects() {
    String notObject = statementWith("[\"StringEquals\"]");
    assertFinding(parseError(notObject), "$.Statement.Condition", notObject, "[\"StringEquals\"]",
        "Condition must be an object");
    String operatorNotObject = statementWith("{\"StringEquals\": \"aws:username\"}");
    assertFinding(parseError(operatorNotObject), "$.Statement.Condition.StringEquals", operatorNotObject,
        "\"aws:username\"", "must map to an object of condition keys");
  }

  @Test
  void conditionValuesAreScalarsOrArraysOfScalars() {
    String nul = statementWith("{\"StringEquals\": {\"aws:username\": null}}");
    assertFinding(parseError(nul), "$.Statement.Condition.StringEquals.aws:username", nul, "null",
        "string, number or boolean, or an array of them");
    String nested = statementWith("{\"StringEquals\": {\"aws:username\": [\"a\", {\"b\": 1}]}}");
    assertFinding(parseError(nested), "$.Statement.Condition.StringEquals.aws:username[1]", nested,
        "{\"b\"", "must be strings, numbers or booleans");
  }

  @Test
  void duplicateOperatorsAndKeysAreErrors() {
    String operators = statementWith("{\"StringEquals\": {\"a:b\": \"1\"}, \"StringEquals\": {\"a:c\": \"2\"}}");
    assertFinding(parseError(operators), "$.Statement.Condition.StringEquals", operators,
        "\"StringEquals\": {\"a:c\"", "duplicate key \"StringEquals\"");
    String keys = statementWith("{\"StringEquals\": {\"a:b\": \"1\", \"a:b\": \"2\"}}");
    assertFinding(parseError(keys), "$.Statement.Condition.StringEquals.a:b", keys,
        "\"a:b\": \"2\"", "duplicate key \"a:b\"");
  }

  @Test
  void keysWithUnusualCharactersUseBracketPaths() {
    String json = statementWith("{\"StringEquals\": {\"aws:ResourceTag/app.name\": null}}");
    assertEquals("$.Statement.Condition.StringEquals['aws:ResourceTag/app.name']", parseError(json).path());
  }
}

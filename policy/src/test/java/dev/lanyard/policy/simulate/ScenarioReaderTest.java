package dev.lanyard.policy.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
  private static final String REQUEST =
      "\"request\": {\"principal\": \"arn:aws:iam::111122223333:user/alice\", \"action\": \"s3:GetObject\","
          + " \"resource\": \"arn:aws:s3:::b/k\"";
  private static final String POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": []}";
  private final ScenarioReader reader = new ScenarioReader();

  @Test
  void readsPoliciesAsObjectsOrStringsWithTheirLabels() throws Exception {
    Scenario s = reader.read("{" + REQUEST + "}, \"identityPolicies\": [" + POLICY + ", \"{\\\"Statement\\\": []}\"],"
        + " \"sessionPolicy\": " + POLICY + ", \"serviceControlPolicies\": [[" + POLICY + "], [" + POLICY + ", " + POLICY + "]]}");
    assertEquals("identityPolicies[0]", s.identityPolicies().get(0).label());
    assertEquals("{\"Statement\": []}", s.identityPolicies().get(1).json());
    assertEquals("sessionPolicy", s.sessionPolicy().label());
    assertEquals("serviceControlPolicies[1][1]", s.serviceControlPolicies().get(1).get(1).label());
    assertNull(s.permissionsBoundary());
    assertTrue(s.resourceControlPolicies().isEmpty());
  }

  @Test
  void contextValuesKeepTheirShape() throws Exception {
    Scenario s = reader.read("{" + REQUEST + ", \"context\": {\"a\": \"x\", \"n\": 10, \"d\": 1.50, \"b\": true,"
        + " \"list\": [\"env\", 2, false], \"empty\": []}}}");
    var context = s.request().context();
    assertEquals(ContextValue.single("x"), context.get("a"));
    assertEquals(ContextValue.single("10"), context.get("n"));
    assertEquals(ContextValue.single("1.50"), context.get("d"));
    assertEquals(ContextValue.single("true"), context.get("b"));
    assertEquals(ContextValue.multi(List.of("env", "2", "false")), context.get("list"));
    assertEquals(ContextValue.multi(List.of()), context.get("empty"));
  }

  @Test
  void optionalRequestFields() throws Exception {
    Scenario s = reader.read("{" + REQUEST + ", \"roleArn\": \"arn:aws:iam::111122223333:role/r\", \"resourceAccount\": \"444455556666\"}}");
    assertEquals("arn:aws:iam::111122223333:role/r", s.request().roleArn());
    assertEquals("444455556666", s.request().resourceAccount());
  }

  @Test
  void errorsNameTheField() {
    assertMessage("{}", "scenario.request is missing");
    assertMessage("[]", "scenario is a array");
    assertMessage("{\"request\": {\"action\": \"s3:GetObject\", \"resource\": \"*\"}}", "request.principal is missing");
    assertMessage("{" + REQUEST + ", \"acton\": \"x\"}}", "request.acton is not a known field");
    assertMessage("{" + REQUEST + "}, \"identityPolicy\": []}", "scenario.identityPolicy is not a known field");
    assertMessage("{" + REQUEST + ", \"context\": {\"k\": {\"x\": 1}}}}", "request.context[\"k\"] is a object");
    assertMessage("{" + REQUEST + ", \"context\": {\"k\": [[1]]}}}", "request.context[\"k\"][0] is a array");
    assertMessage("{" + REQUEST + "}, \"identityPolicies\": " + POLICY + "}", "identityPolicies is a object");
    assertMessage("{" + REQUEST + "}, \"serviceControlPolicies\": [" + POLICY + "]}", "serviceControlPolicies[0] is a object");
    assertMessage("{" + REQUEST + "}, \"resourcePolicy\": 7}", "resourcePolicy is a number");
    assertMessage("{\"request\": 1, \"request\": 2}", "not valid JSON");
    assertMessage("{" + REQUEST + "}} trailing", "not valid JSON");
    assertMessage("", "scenario");
  }

  private void assertMessage(String json, String expected) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read(json));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}

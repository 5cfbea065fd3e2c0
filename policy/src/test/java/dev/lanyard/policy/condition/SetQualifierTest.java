package dev.lanyard.policy.condition;

import static dev.lanyard.policy.condition.Conditions.cond;
import static dev.lanyard.policy.condition.Conditions.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ForAllValues / ForAnyValue over missing, empty, single and multi-valued keys, positive and
 * negated (IAM User Guide, "Set operators for multivalued context keys").
 */
class SetQualifierTest {

  /** Request values: "-" missing, "" empty list, else comma-separated. Policy values: dev, test. */
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "ForAllValues:StringEquals | - | true",
      "ForAllValues:StringEquals | '' | true",
      "ForAllValues:StringEquals | dev | true",
      "ForAllValues:StringEquals | dev,test | true",
      "ForAllValues:StringEquals | dev,prod | false",
      "ForAnyValue:StringEquals | - | false",
      "ForAnyValue:StringEquals | '' | false",
      "ForAnyValue:StringEquals | dev | true",
      "ForAnyValue:StringEquals | prod,test | true",
      "ForAnyValue:StringEquals | prod,stage | false",
      "ForAllValues:StringNotEquals | - | true",
      "ForAllValues:StringNotEquals | '' | true",
      "ForAllValues:StringNotEquals | prod,stage | true",
      "ForAllValues:StringNotEquals | prod,dev | false",
      "ForAnyValue:StringNotEquals | - | false",
      "ForAnyValue:StringNotEquals | '' | false",
      "ForAnyValue:StringNotEquals | dev,prod | true",
      "ForAnyValue:StringNotEquals | dev,test | false",
      "ForAllValues:StringEqualsIfExists | - | true",
      "ForAnyValue:StringEqualsIfExists | - | true",
      "ForAnyValue:StringEqualsIfExists | prod | false",
      "ForAllValues:StringLike | dev,test | true",
      "ForAnyValue:StringLike | prod,stage | false",
      "ForAnyValue:StringLike | prod,tex | true"})
  void setOperators(String operator, String requestValues, boolean expected) {
    ConditionContext ctx;
    if (requestValues.equals("-")) {
      ctx = context();
    } else if (requestValues.isEmpty()) {
      ctx = context("aws:TagKeys", List.of());
    } else {
      ctx = context("aws:TagKeys", List.of(requestValues.split(",")));
    }
    String[] policyValues = operator.contains("Like") ? new String[] {"dev", "te*"} : new String[] {"dev", "test"};
    assertEquals(expected, cond(operator, "aws:TagKeys", policyValues).test(ctx));
  }
}

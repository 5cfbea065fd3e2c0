package dev.lanyard.policy.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.parse.PolicyParser;
import dev.lanyard.policy.testdata.AwsManagedPolicyData;
import dev.lanyard.policy.testdata.AwsManagedPolicyData.ManagedPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every AWS managed policy parses and validates as an identity policy with no error: AWS accepted
 * these documents, so a rule that refuses one is wrong. The size limit is lifted because AWS
 * managed policies are not bound by the customer managed policy quota (ReadOnlyAccess alone is
 * over 80,000 characters); the size rule is tested in {@link PolicyValidatorTest}.
 */
class ManagedPoliciesTest {

  @Test
  void everyManagedPolicyIsAValidIdentityPolicy() {
    List<ManagedPolicy> policies = AwsManagedPolicyData.load();
    assertEquals(AwsManagedPolicyData.EXPECTED_POLICIES, policies.size());
    List<String> failures = new ArrayList<>();
    int overManagedLimit = 0;
    for (ManagedPolicy p : policies) {
      ValidationReport report = PolicyValidator.validate(p.document(), PolicyType.IDENTITY, Integer.MAX_VALUE);
      report.findings().stream()
          .filter(f -> f.severity() == Severity.ERROR)
          .limit(3)
          .forEach(f -> failures.add(p.name() + ": " + f));
      if (PolicySizes.sizeWithoutWhitespace(p.document()) > PolicySizes.MANAGED) {
        overManagedLimit++;
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(overManagedLimit > 0, "some AWS managed policies exceed the customer limit");
  }

  @Test
  void managedPoliciesAlsoParseWhenGivenAsJsonStrings() throws Exception {
    List<ManagedPolicy> policies = AwsManagedPolicyData.load();
    for (ManagedPolicy p : policies.subList(0, 50)) {
      String wrapped = "\"" + p.document().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      assertEquals(PolicyParser.parse(p.document()), PolicyParser.parse(wrapped), p.name());
    }
  }
}

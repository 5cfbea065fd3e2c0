package dev.lanyard.bench.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.validate.PolicySizes;
import dev.lanyard.policy.validate.PolicyType;
import org.junit.jupiter.api.Test;

class CheckedCompilerTest {

  @Test
  void compilesAValidDocumentUnderItsLabel() {
    assertEquals("small", CheckedCompiler.compile(SmallPolicy.POLICY, PolicyType.IDENTITY, PolicySizes.MANAGED, "small").label());
  }

  @Test
  void refusesAPrincipalInAnIdentityPolicy() {
    String json = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}""";
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> CheckedCompiler.compile(json, PolicyType.IDENTITY, PolicySizes.MANAGED, "bad"));
    assertTrue(e.getMessage().startsWith("bad is not a valid identity policy: "), e.getMessage());
  }

  @Test
  void refusesADocumentOverTheSizeLimit() {
    assertThrows(IllegalStateException.class,
        () -> CheckedCompiler.compile(SmallPolicy.POLICY, PolicyType.IDENTITY, 100, "small"));
  }
}

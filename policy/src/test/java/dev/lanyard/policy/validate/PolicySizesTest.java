package dev.lanyard.policy.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PolicySizesTest {

  @Test
  void whitespaceOutsideStringsIsNotCounted() {
    assertEquals("{\"a b\":[1,2]}".length(), PolicySizes.sizeWithoutWhitespace("{ \"a b\" : [ 1 ,\n\t2 ]\r\n}"));
  }

  @Test
  void everythingInsideStringsCountsIncludingEscapes() {
    assertEquals(14, PolicySizes.sizeWithoutWhitespace("{\"a\\\" b\" : \"\\\\\" }"));
    assertEquals(8, PolicySizes.sizeWithoutWhitespace("\" \\t \\n\""));
  }

  @Test
  void defaultLimitsFollowAwsQuotas() {
    assertEquals(6144, PolicySizes.defaultLimit(PolicyType.IDENTITY));
    assertEquals(6144, PolicySizes.defaultLimit(PolicyType.BOUNDARY));
    assertEquals(20480, PolicySizes.defaultLimit(PolicyType.RESOURCE));
    assertEquals(2048, PolicySizes.defaultLimit(PolicyType.TRUST));
    assertEquals(2048, PolicySizes.defaultLimit(PolicyType.SESSION));
    assertEquals(5120, PolicySizes.defaultLimit(PolicyType.SCP));
    assertEquals(5120, PolicySizes.defaultLimit(PolicyType.RCP));
    assertEquals(2048, PolicySizes.INLINE_USER);
    assertEquals(5120, PolicySizes.INLINE_GROUP);
    assertEquals(10240, PolicySizes.INLINE_ROLE);
  }
}

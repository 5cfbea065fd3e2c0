package dev.lanyard.policy.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrustActionsTest {

  @Test
  void globMatchesCaseInsensitivelyWithStarAndQuestionMark() {
    assertTrue(TrustActions.globMatches("sts:Assume*", "sts:AssumeRoleWithSAML"));
    assertTrue(TrustActions.globMatches("STS:ASSUMEROLE", "sts:AssumeRole"));
    assertTrue(TrustActions.globMatches("sts:?ssumeRole", "sts:AssumeRole"));
    assertTrue(TrustActions.globMatches("*Role", "sts:AssumeRole"));
    assertTrue(TrustActions.globMatches("**", ""));
    assertFalse(TrustActions.globMatches("sts:AssumeRole", "sts:AssumeRoleWithSAML"));
    assertFalse(TrustActions.globMatches("sts:?", "sts:"));
    assertFalse(TrustActions.globMatches("s3:*", "sts:AssumeRole"));
  }

  @Test
  void coversAnyNamesOnlyTrustActions() {
    assertTrue(TrustActions.coversAny("sts:TagSession"));
    assertTrue(TrustActions.coversAny("*"));
    assertFalse(TrustActions.coversAny("sts:GetCallerIdentity"));
    assertFalse(TrustActions.coversAny("sts:AssumeRoles"));
  }

  @Test
  void pathologicalPatternsStayFast() {
    String text = "a".repeat(10_000);
    assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertFalse(TrustActions.globMatches("a*a*a*a*a*a*b", text)));
  }
}

package dev.lanyard.sts.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionGrantTest {

  @Test
  void userIdFollowsAwsFormatsPerPrincipalType() {
    assertEquals("AROAEXAMPLEROLEID0001:ci-run-42", TokenFixture.roleGrant().userId());
    SessionGrant federated = SessionGrant.builder()
        .principalType(SessionPrincipalType.FEDERATED_USER)
        .principalArn("arn:aws:sts::123456789012:federated-user/Bob")
        .accountId("123456789012").sessionName("Bob").build();
    assertEquals("123456789012:Bob", federated.userId());
    SessionGrant root = SessionGrant.builder().principalType(SessionPrincipalType.ACCOUNT)
        .principalArn("arn:aws:iam::123456789012:root").accountId("123456789012").build();
    assertEquals("123456789012", root.userId());
    SessionGrant.Builder user = SessionGrant.builder().principalType(SessionPrincipalType.USER)
        .principalArn("arn:aws:iam::123456789012:user/alice").accountId("123456789012");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, user::build);
    assertTrue(e.getMessage().startsWith("userId"), e.getMessage());
    assertEquals("AIDAEXAMPLEUSERID0001", user.userId("AIDAEXAMPLEUSERID0001").build().userId());
  }

  @Test
  void assumedRoleSessionsNeedRoleAndSessionName() {
    SessionGrant.Builder noRole = SessionGrant.builder()
        .principalType(SessionPrincipalType.ASSUMED_ROLE)
        .principalArn("arn:aws:sts::123456789012:assumed-role/R/s")
        .accountId("123456789012").sessionName("s").userId("x");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, noRole::build);
    assertTrue(e.getMessage().startsWith("roleArn"), e.getMessage());
  }

  @Test
  void accountIdsAreTwelveDigits() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TokenFixture.roleGrant().toBuilder().accountId("12345").build());
    assertTrue(e.getMessage().contains("12 digits"), e.getMessage());
  }

  @Test
  void mfaTimeIsKeptToTheSecondAndChainingFollowsDepth() {
    SessionGrant grant = TokenFixture.roleGrant().toBuilder()
        .mfa(Instant.parse("2025-01-01T00:00:00.750Z")).chainDepth(0).build();
    assertTrue(grant.mfaPresent());
    assertEquals(Instant.parse("2025-01-01T00:00:00Z"), grant.mfaAuthenticatedAt());
    assertFalse(grant.roleChained());
    assertTrue(TokenFixture.roleGrant().roleChained());
    assertFalse(grant.toBuilder().mfa(null).build().mfaPresent());
    assertThrows(IllegalArgumentException.class,
        () -> TokenFixture.roleGrant().toBuilder().chainDepth(-1).build());
  }

  @Test
  void federationFactsAreImmutableCopies() {
    SessionGrant grant = TokenFixture.roleGrant();
    assertEquals(List.of("pwd", "mfa"), grant.federation().get("amr"));
    assertThrows(UnsupportedOperationException.class,
        () -> grant.federation().put("x", List.of()));
    assertEquals(grant, grant.toBuilder().build());
  }
}

package dev.lanyard.sts.session;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.sts.authz.AccessDeniedException;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.store.model.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trust decision for federated principals: the trust policy alone, as a required resource policy. */
class FederatedTrustTest {
  private static final String ACCOUNT = "111122223333";
  private static final String PROVIDER = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.example.com";
  private static final String OTHER_PROVIDER = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/other.example.com";
  private static final String WEB = "sts:AssumeRoleWithWebIdentity";

  private final FederatedTrust trust = new FederatedTrust(new StoreVersionTracker(() -> 1L), "us-east-1",
      Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC));

  private static int roles;

  /** A role of its own name (trust sets are cached per role ARN and row version). */
  private static Role role(String trustPolicy) {
    String name = "deploy-" + ++roles;
    return new Role(ACCOUNT, "AROAEXAMPLEEXAMPLE01", name, "/", "arn:aws:iam::" + ACCOUNT + ":role/" + name,
        Instant.EPOCH, trustPolicy, null, 3600, List.of(), null, null, 1);
  }

  private static String policy(String statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
  }

  private static String allow(String actions, String condition) {
    return "{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + PROVIDER + "\"},\"Action\":" + actions
        + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
  }

  private static Map<String, List<String>> keys(String sub) {
    return Map.of("token.example.com:sub", List.of(sub), "token.example.com:aud", List.of("client"),
        "aws:FederatedProvider", List.of(PROVIDER));
  }

  private void require(Role role, String principal, List<String> actions, Map<String, List<String>> keys,
      String source) {
    trust.require(role, RequestPrincipal.webIdentity(principal), actions, keys, source);
  }

  @Test
  void theNamedProviderWithMatchingClaimsIsAllowed() {
    Role role = role(policy(allow("\"" + WEB + "\"",
        "{\"StringEquals\":{\"token.example.com:sub\":\"repo:a/b\",\"aws:FederatedProvider\":\"" + PROVIDER + "\"}}")));
    assertDoesNotThrow(() -> require(role, PROVIDER, List.of(WEB), keys("repo:a/b"), null));
  }

  @Test
  void anotherSubjectOrProviderIsDeniedAlike() {
    Role role = role(policy(allow("\"" + WEB + "\"", "{\"StringEquals\":{\"token.example.com:sub\":\"repo:a/b\"}}")));
    AccessDeniedException wrongSub = assertThrows(AccessDeniedException.class,
        () -> require(role, PROVIDER, List.of(WEB), keys("repo:a/c"), null));
    AccessDeniedException wrongProvider = assertThrows(AccessDeniedException.class,
        () -> require(role, OTHER_PROVIDER, List.of(WEB), keys("repo:a/b"), null));
    assertEquals(wrongSub.getMessage(), wrongProvider.getMessage(), "denials do not say what decided");
    assertFalse(wrongSub.getMessage().contains("repo:a/c"), "the message does not echo claims");
  }

  @Test
  void anExplicitDenyWins() {
    Role role = role(policy(allow("\"" + WEB + "\"", null) + ",{\"Effect\":\"Deny\",\"Principal\":\"*\","
        + "\"Action\":\"sts:*\",\"Condition\":{\"StringLike\":{\"token.example.com:sub\":\"*:pull_request\"}}}"));
    assertDoesNotThrow(() -> require(role, PROVIDER, List.of(WEB), keys("repo:a/b:ref:main"), null));
    assertThrows(AccessDeniedException.class,
        () -> require(role, PROVIDER, List.of(WEB), keys("repo:a/b:pull_request"), null));
  }

  @Test
  void everyActionMustBeAllowedSoTagsNeedTagSession() {
    Role only = role(policy(allow("\"" + WEB + "\"", null)));
    AccessDeniedException e = assertThrows(AccessDeniedException.class,
        () -> require(only, PROVIDER, List.of(WEB, "sts:TagSession"), keys("s"), null));
    assertEquals(true, e.getMessage().contains("sts:TagSession"), e.getMessage());
    Role both = role(policy(allow("[\"" + WEB + "\",\"sts:TagSession\"]", null)));
    assertDoesNotThrow(() -> require(both, PROVIDER, List.of(WEB, "sts:TagSession"), keys("s"), null));
  }

  @Test
  void theServerSetsTimeRegionAndSourceAddress() {
    Role role = role(policy(allow("\"" + WEB + "\"", "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},"
        + "\"DateLessThan\":{\"aws:CurrentTime\":\"2025-06-02T00:00:00Z\"},"
        + "\"StringEquals\":{\"aws:RequestedRegion\":\"us-east-1\",\"aws:PrincipalType\":\"WebIdentityUser\"}}")));
    assertDoesNotThrow(() -> require(role, PROVIDER, List.of(WEB), keys("s"), "10.1.2.3"));
    assertThrows(AccessDeniedException.class, () -> require(role, PROVIDER, List.of(WEB), keys("s"), "192.0.2.1"));
    assertThrows(AccessDeniedException.class, () -> require(role, PROVIDER, List.of(WEB), keys("s"), null));
  }

  @Test
  void tokenKeysCannotForgeServerKeys() {
    Role role = role(policy(allow("\"" + WEB + "\"", "{\"StringEquals\":{\"aws:PrincipalType\":\"AssumedRole\"}}")));
    Map<String, List<String>> forged = Map.of("aws:PrincipalType", List.of("AssumedRole"));
    assertThrows(AccessDeniedException.class, () -> require(role, PROVIDER, List.of(WEB), forged, null));
  }
}

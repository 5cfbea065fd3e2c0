package dev.lanyard.sts.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lanyard.policy.eval.PolicySet;
import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.sts.auth.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestContextFactoryTest {
  private static final String ACCOUNT = "111122223333";
  private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.250Z");

  private final RequestContextFactory factory = new RequestContextFactory("eu-west-1");

  private static Caller alice(String accessKeyId, String source) {
    return new Caller(PrincipalType.USER, "arn:aws:iam::" + ACCOUNT + ":user/dev/alice", ACCOUNT,
        "AIDAALICE", "alice", null, accessKeyId, null, source);
  }

  private static PrincipalPolicies.PrincipalState state(String team) {
    return new PrincipalPolicies.PrincipalState(PolicySet.builder().build(), null,
        List.of(new PrincipalPolicies.TagPair("Team", team)));
  }

  @Test
  void credentialKeysComeFromTheCallerAndItsState() {
    RequestContext c = factory.build(alice("AKIAALICE", "192.0.2.1"), state("blue"), Map.of(), NOW);

    assertEquals(List.of("arn:aws:iam::" + ACCOUNT + ":user/dev/alice"), c.get("aws:PrincipalArn"));
    assertEquals(List.of(ACCOUNT), c.get("aws:PrincipalAccount"));
    assertEquals(List.of("User"), c.get("aws:PrincipalType"));
    assertEquals(List.of("alice"), c.get("aws:username"));
    assertEquals(List.of("AIDAALICE"), c.get("aws:userid"));
    assertEquals(List.of("blue"), c.get("aws:PrincipalTag/team"));
    assertEquals(List.of("192.0.2.1"), c.get("aws:SourceIp"));
    assertEquals(List.of("eu-west-1"), c.get("aws:RequestedRegion"));
    assertEquals(List.of("2026-11-23T10:15:30Z"), c.get("aws:CurrentTime"));
    assertEquals(List.of(Long.toString(NOW.getEpochSecond())), c.get("aws:EpochTime"));
    assertNull(c.get("aws:TokenIssueTime"), "long-term keys have no token");
  }

  @Test
  void aNewStateOfThePrincipalIsSeenAtOnce() {
    Caller caller = alice("AKIAALICE", null);
    PrincipalPolicies.PrincipalState blue = state("blue");
    CredentialContext first = factory.credentialContext(caller, blue);
    assertSame(first, factory.credentialContext(caller, blue), "kept while the state stands");

    PrincipalPolicies.PrincipalState red = state("red");
    CredentialContext second = factory.credentialContext(caller, red);
    assertNotSame(first, second);
    assertEquals(List.of("red"), factory.build(caller, red, Map.of(), NOW).get("aws:PrincipalTag/Team"));
  }

  @Test
  void eachAccessKeyHasItsOwnCredentialContext() {
    PrincipalPolicies.PrincipalState s = state("blue");
    Caller alice = alice("AKIAALICE", null);
    Caller root = new Caller(PrincipalType.ACCOUNT_ROOT, "arn:aws:iam::" + ACCOUNT + ":root", ACCOUNT, ACCOUNT,
        null, null, "AKIAROOT", null, null);
    factory.credentialContext(alice, s);

    RequestContext c = factory.build(root, s, Map.of(), NOW);
    assertEquals(List.of("Account"), c.get("aws:PrincipalType"));
    assertEquals(List.of(ACCOUNT), c.get("aws:userid"));
    assertNull(c.get("aws:username"));
  }

  @Test
  void suppliedKeysAreAddedButNeverReplaceCredentialKeys() {
    Map<String, List<String>> supplied = Map.of(
        "aws:SourceIp", List.of("203.0.113.9"),
        "aws:PrincipalTag/Team", List.of("forged"),
        "aws:userid", List.of("AIDAFORGED"),
        "aws:CurrentTime", List.of("2000-01-01T00:00:00Z"),
        "s3:prefix", List.of("home/", "shared/"));

    RequestContext c = factory.build(alice("AKIAALICE", "192.0.2.1"), state("blue"), supplied, NOW);

    assertEquals(List.of("203.0.113.9"), c.get("aws:SourceIp"), "the original request's address");
    assertEquals(List.of("blue"), c.get("aws:PrincipalTag/Team"));
    assertEquals(List.of("AIDAALICE"), c.get("aws:userid"));
    assertEquals(List.of("2026-11-23T10:15:30Z"), c.get("aws:CurrentTime"));
    assertEquals(List.of("home/", "shared/"), c.get("s3:prefix"));
  }

  @Test
  void theTimeKeysFollowTheClockBySecond() {
    Caller caller = alice("AKIAALICE", null);
    PrincipalPolicies.PrincipalState s = state("blue");
    RequestContext a = factory.build(caller, s, Map.of(), NOW);
    RequestContext b = factory.build(caller, s, Map.of(), NOW.plusMillis(700));

    assertEquals(List.of("2026-11-23T10:15:30Z"), a.get("aws:CurrentTime"));
    assertEquals(List.of("2026-11-23T10:15:30Z"), b.get("aws:CurrentTime"));
    assertEquals(List.of("2026-11-23T10:15:31Z"), factory.build(caller, s, Map.of(), NOW.plusMillis(800))
        .get("aws:CurrentTime"));
    assertEquals(List.of("2026-11-23T10:15:29Z"), factory.build(caller, s, Map.of(), NOW.minusSeconds(1))
        .get("aws:CurrentTime"), "an earlier clock reading is formatted, not served from the cache");
  }
}

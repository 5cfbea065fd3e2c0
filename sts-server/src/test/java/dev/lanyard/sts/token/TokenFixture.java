package dev.lanyard.sts.token;

import dev.lanyard.sts.keys.InMemoryKeyRingRepository;
import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.KeyRotationJob;
import dev.lanyard.sts.keys.LiveKeyRings;
import dev.lanyard.sts.keys.MutableClock;
import dev.lanyard.sts.keys.RotationLock;
import dev.lanyard.sts.keys.RotationPolicy;
import dev.lanyard.sts.keys.TestRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One node's keys, issuer and verifier over an in-memory repository, with a clock tests move. */
final class TokenFixture {
  static final String ISSUER = "https://sts.lanyard.test";
  static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

  final MutableClock clock;
  final InMemoryKeyRingRepository repository = new InMemoryKeyRingRepository();
  final RotationLock lock = RotationLock.inProcess();
  final LiveKeyRings rings = new LiveKeyRings(repository);
  final KeyRotationJob job;
  final SessionTokenIssuer issuer;

  TokenFixture(KeyAlgorithm algorithm) {
    this(algorithm, T0);
  }

  TokenFixture(KeyAlgorithm algorithm, Instant start) {
    this(algorithm, start, 100);
  }

  /** A node whose keys come from {@code keySeed}: fixtures with different seeds hold different keys. */
  TokenFixture(KeyAlgorithm algorithm, Instant start, long keySeed) {
    clock = new MutableClock(start);
    job = new KeyRotationJob(repository, lock, rings, RotationPolicy.DEFAULT, algorithm, clock,
        TestRandom.seeded(keySeed + algorithm.ordinal()));
    job.runOnce();
    issuer = new SessionTokenIssuer(ISSUER, rings, RotationPolicy.DEFAULT.maxTokenLifetime(), clock,
        TestRandom.seeded(7));
  }

  SessionTokenVerifier verifier(int cacheSize) {
    return new SessionTokenVerifier(
        ISSUER, rings, clock, SessionTokenVerifier.DEFAULT_CLOCK_SKEW, cacheSize);
  }

  IssuedSession issue(Duration duration) {
    return issuer.issue(roleGrant(), duration);
  }

  /** An assumed-role grant with every optional part filled in. */
  static SessionGrant roleGrant() {
    return SessionGrant.builder()
        .principalType(SessionPrincipalType.ASSUMED_ROLE)
        .principalArn("arn:aws:sts::123456789012:assumed-role/Deployer/ci-run-42")
        .accountId("123456789012")
        .role("arn:aws:iam::123456789012:role/Deployer", "AROAEXAMPLEROLEID0001")
        .sessionName("ci-run-42")
        .sourceIdentity("alice@example.com")
        .tags(SessionTags.of(Map.of("Project", "lanyard"), List.of("Project")))
        .mfa(T0.minusSeconds(300))
        .federationFact("provider", List.of("token.actions.example.com"))
        .federationFact("amr", List.of("pwd", "mfa"))
        .chainDepth(1)
        .sessionPolicy(SessionPolicy.of(
            "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", "
                + "\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::my bucket/*\" } ] }",
            List.of("arn:aws:iam::aws:policy/ReadOnlyAccess")))
        .sourceAccessKeyId("ASIAPARENTKEYEXAMPLE")
        .build();
  }
}

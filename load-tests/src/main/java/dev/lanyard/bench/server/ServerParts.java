package dev.lanyard.bench.server;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.auth.LongTermKey;
import dev.lanyard.sts.auth.LongTermKeys;
import dev.lanyard.sts.authz.AccessEvaluator;
import dev.lanyard.sts.authz.AuthorizationMessages;
import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.authz.PrincipalPolicies;
import dev.lanyard.sts.authz.RequestContextFactory;
import dev.lanyard.sts.bootstrap.BootstrapApplier;
import dev.lanyard.sts.bootstrap.BootstrapReader;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.KeyRotationJob;
import dev.lanyard.sts.keys.LiveKeyRings;
import dev.lanyard.sts.keys.RotationPolicy;
import dev.lanyard.sts.keys.persistence.StoreKeyRingRepository;
import dev.lanyard.sts.keys.persistence.StoreRotationLock;
import dev.lanyard.sts.mfa.MfaCodes;
import dev.lanyard.sts.mfa.Totp;
import dev.lanyard.sts.session.AssumeRoleInput;
import dev.lanyard.sts.session.AssumeRoleOperation;
import dev.lanyard.sts.session.AssumeRoleResult;
import dev.lanyard.sts.session.MfaCheck;
import dev.lanyard.sts.session.RoleTrust;
import dev.lanyard.sts.session.SessionMinter;
import dev.lanyard.sts.session.SessionPolicyInput;
import dev.lanyard.sts.session.SessionTagsInput;
import dev.lanyard.sts.store.jdbc.JdbcIamStore;
import dev.lanyard.sts.store.jdbc.JdbcStoreConfig;
import dev.lanyard.sts.store.model.Tag;
import dev.lanyard.sts.token.SessionTokenIssuer;
import dev.lanyard.sts.token.SessionTokenVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The parts of a node that AssumeRole, token verification and Authorize use, built as
 * {@code ServingNode} builds them, without gRPC: an H2 store in a temporary folder with the
 * benchmark bootstrap applied (user {@code bench} with an access key, role {@code BenchReader}
 * with a trust policy and an inline identity policy), the key ring in the store with one rotation
 * run, the session issuer and verifier, the policy caches, the access evaluator and the AssumeRole
 * operation. Closing deletes the folder.
 */
final class ServerParts implements AutoCloseable {
  static final String ACCOUNT = "111122223333";
  static final String ISSUER = "http://127.0.0.1:7401";
  static final String REGION = "us-east-1";
  static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/BenchReader";
  static final String ACCESS_KEY_ID = "AKIABENCHSERVERKEYAA";
  static final String SESSION_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\","
          + "\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::bench-data\",\"arn:aws:s3:::bench-data/*\"]}]}";
  private static final String BOOTSTRAP = """
      accounts:
        - id: "%1$s"
          alias: bench
          users:
            - name: bench
              inlinePolicies:
                AssumeBenchRoles:
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: ["sts:AssumeRole", "sts:TagSession"]
                      Resource: "arn:aws:iam::%1$s:role/*"
              accessKeys:
                - accessKeyId: %2$s
                  secretAccessKey: benchsecretaccesskey0123456789abcdefghij
          roles:
            - name: BenchReader
              maxSessionDuration: 43200
              trustPolicy:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {AWS: "arn:aws:iam::%1$s:user/bench"}
                    Action: ["sts:AssumeRole", "sts:TagSession"]
              inlinePolicies:
                ReadBenchData:
                  Version: "2012-10-17"
                  Statement:
                    - Sid: ReadBenchData
                      Effect: Allow
                      Action: ["s3:GetObject", "s3:ListBucket"]
                      Resource: ["arn:aws:s3:::bench-data", "arn:aws:s3:::bench-data/*"]
                    - Sid: NoDeletes
                      Effect: Deny
                      Action: "s3:DeleteObject"
                      Resource: "*"
      """.formatted(ACCOUNT, ACCESS_KEY_ID);

  final Clock clock = Clock.systemUTC();
  final Path dataDir;
  final JdbcIamStore store;
  final StoreVersionTracker versions;
  final LiveKeyRings rings;
  final SessionTokenIssuer issuer;
  final PolicyLibrary library;
  final PrincipalPolicies principals;
  final AccessEvaluator access;
  final AssumeRoleOperation assumeRole;
  final Caller user;

  /** Builds the parts with keys of {@code algorithm} ("Ed25519" or "ES256"). */
  ServerParts(String algorithm) {
    SecureRandom random = new SecureRandom();
    try {
      dataDir = Files.createTempDirectory("lanyard-bench-server");
      Files.writeString(dataDir.resolve("bootstrap.yaml"), BOOTSTRAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store = JdbcIamStore.open(JdbcStoreConfig.embedded(dataDir.resolve("data")),
        new SecretSealer(KeyEncryptionKey.generate(random), random), clock, random);
    versions = new StoreVersionTracker(store::currentVersion);
    StoreKeyRingRepository keyRepository = new StoreKeyRingRepository(store);
    rings = new LiveKeyRings(keyRepository);
    new KeyRotationJob(keyRepository, new StoreRotationLock(store), rings, RotationPolicy.DEFAULT,
        KeyAlgorithm.parse(algorithm), clock, random).runOnce();
    new BootstrapApplier(store).apply(BootstrapReader.read(dataDir.resolve("bootstrap.yaml")));
    versions.refresh();

    issuer = new SessionTokenIssuer(ISSUER, rings, RotationPolicy.DEFAULT.maxTokenLifetime(), clock, random);
    library = new PolicyLibrary(store, versions);
    principals = new PrincipalPolicies(store, library, versions);
    RequestContextFactory contexts = new RequestContextFactory(REGION);
    access = new AccessEvaluator(principals, contexts, new AuthorizationMessages(rings, random), clock);
    RoleTrust trust = new RoleTrust(principals, contexts, access, versions, clock);
    MfaCheck mfa = new MfaCheck(store, new MfaCodes(store, Totp.standard(), clock), clock);
    assumeRole = new AssumeRoleOperation(library, trust, mfa, new SessionMinter(issuer));

    LongTermKey key = new LongTermKeys(store, versions).find(ACCESS_KEY_ID).orElseThrow(
        () -> new IllegalStateException("the bootstrap's access key " + ACCESS_KEY_ID + " is not in the store"));
    user = new Caller(PrincipalType.USER, key.arn(), key.accountId(), key.userId(), key.userName(), null,
        key.accessKeyId(), null, "127.0.0.1");
  }

  /** A verifier of this node's tokens keeping at most {@code cacheSize} verified sessions (0: none). */
  SessionTokenVerifier verifier(int cacheSize) {
    return new SessionTokenVerifier(ISSUER, rings, clock, SessionTokenVerifier.DEFAULT_CLOCK_SKEW, cacheSize);
  }

  /** AssumeRole of {@code BenchReader}: plain, or with two session tags and an inline session policy. */
  static AssumeRoleInput request(boolean tagsAndPolicy) {
    if (!tagsAndPolicy) {
      return new AssumeRoleInput(ROLE_ARN, "bench-session", null, null, null, null, null, null, null);
    }
    return new AssumeRoleInput(ROLE_ARN, "bench-session", new SessionPolicyInput(SESSION_POLICY, List.of()), null,
        new SessionTagsInput(List.of(new Tag("Project", "bench"), new Tag("CostCenter", "cc-1234")),
            List.of("Project")),
        null, null, null, null);
  }

  /** One AssumeRole by the bench user. */
  AssumeRoleResult assume(AssumeRoleInput input) {
    return assumeRole.assumeRole(user, input);
  }

  @Override
  public void close() {
    store.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}

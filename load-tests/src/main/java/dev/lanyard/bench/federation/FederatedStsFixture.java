package dev.lanyard.bench.federation;

import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.keys.InMemoryKeyRingRepository;
import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.KeyRotationJob;
import dev.lanyard.sts.keys.LiveKeyRings;
import dev.lanyard.sts.keys.RotationLock;
import dev.lanyard.sts.keys.RotationPolicy;
import dev.lanyard.sts.session.FederatedTrust;
import dev.lanyard.sts.session.SessionMinter;
import dev.lanyard.sts.store.jdbc.JdbcIamStore;
import dev.lanyard.sts.store.jdbc.JdbcStoreConfig;
import dev.lanyard.sts.store.model.NewRole;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.token.SessionTokenIssuer;
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
 * The parts of a node that the federation operations use, as the node builds them: an H2 store in
 * a temporary folder with one account, the policy library over it, an Ed25519 key ring, the session
 * issuer and the federated trust check. Closing deletes the folder.
 */
final class FederatedStsFixture implements AutoCloseable {
  static final String ISSUER = "https://sts.bench.test";
  static final String REGION = "us-east-1";

  final Clock clock = Clock.systemUTC();
  final Path dataDir;
  final JdbcIamStore store;
  final String account;
  final StoreVersionTracker versions;
  final PolicyLibrary library;
  final SessionMinter minter;
  final FederatedTrust trust;

  FederatedStsFixture() throws IOException {
    SecureRandom random = new SecureRandom();
    dataDir = Files.createTempDirectory("lanyard-bench-federation");
    store = JdbcIamStore.open(JdbcStoreConfig.embedded(dataDir),
        new SecretSealer(KeyEncryptionKey.generate(random), random), clock, random);
    account = store.accounts().create(null).id();
    versions = new StoreVersionTracker(store::currentVersion);
    library = new PolicyLibrary(store, versions);
    InMemoryKeyRingRepository keys = new InMemoryKeyRingRepository();
    LiveKeyRings rings = new LiveKeyRings(keys);
    new KeyRotationJob(keys, RotationLock.inProcess(), rings, RotationPolicy.DEFAULT, KeyAlgorithm.ED25519, clock,
        random).runOnce();
    minter = new SessionMinter(new SessionTokenIssuer(ISSUER, rings, RotationPolicy.DEFAULT.maxTokenLifetime(), clock,
        random));
    trust = new FederatedTrust(versions, REGION, clock);
  }

  /** A role with this trust policy, visible at once. */
  Role role(String name, String trustPolicy) {
    Role role = store.roles().create(account, new NewRole(name, "/", trustPolicy, null, 3600, List.of(), null));
    versions.refresh();
    return role;
  }

  @Override
  public void close() {
    store.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.lanyard.sts.keys.persistence;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSObject;
import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.keys.DataKey;
import dev.lanyard.sts.keys.InMemoryKeyRingRepository;
import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.KeyChanges;
import dev.lanyard.sts.keys.KeyLifecycle;
import dev.lanyard.sts.keys.KeyRingChanges;
import dev.lanyard.sts.keys.KeyRingRepository;
import dev.lanyard.sts.keys.KeyRings;
import dev.lanyard.sts.keys.KeyRotationJob;
import dev.lanyard.sts.keys.KeyState;
import dev.lanyard.sts.keys.LiveKeyRings;
import dev.lanyard.sts.keys.MutableClock;
import dev.lanyard.sts.keys.RotationLock;
import dev.lanyard.sts.keys.RotationPolicy;
import dev.lanyard.sts.keys.SigningKey;
import dev.lanyard.sts.keys.TestRandom;
import dev.lanyard.sts.store.jdbc.JdbcIamStore;
import dev.lanyard.sts.store.jdbc.JdbcStoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keys package's rotation against the store on embedded H2: the same rotation run against
 * {@link InMemoryKeyRingRepository} (same seed, same clock) is the reference, and the rings survive
 * closing and reopening the store.
 */
class StoreKeyRingRepositoryTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00.250Z");

    @TempDir
    Path dataDir;

    private final KeyEncryptionKey kek = KeyEncryptionKey.generate(new SecureRandom());
    private final MutableClock clock = new MutableClock(T0);
    private JdbcIamStore store;

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private JdbcIamStore openStore() {
        return JdbcIamStore.open(JdbcStoreConfig.embedded(dataDir), new SecretSealer(kek, new SecureRandom()), clock,
                new SecureRandom());
    }

    private KeyRotationJob job(KeyRingRepository repository, LiveKeyRings rings, KeyAlgorithm algorithm) {
        return new KeyRotationJob(repository, RotationLock.inProcess(), rings, RotationPolicy.DEFAULT, algorithm, clock,
                TestRandom.seeded(7));
    }

    private static List<KeyLifecycle> signing(KeyRingRepository repository) {
        return repository.signingKeys().stream().map(SigningKey::lifecycle).sorted(ORDER).toList();
    }

    private static List<KeyLifecycle> data(KeyRingRepository repository) {
        return repository.dataKeys().stream().map(DataKey::lifecycle).sorted(ORDER).toList();
    }

    private static final java.util.Comparator<KeyLifecycle> ORDER =
            java.util.Comparator.comparing(KeyLifecycle::createdAt).thenComparing(KeyLifecycle::id);

    @Test
    void rotationOverSimulatedDaysMatchesTheInMemoryReferenceAndSurvivesAReopen() throws Exception {
        StoreKeyRingRepository stored = new StoreKeyRingRepository(store);
        InMemoryKeyRingRepository reference = new InMemoryKeyRingRepository();
        LiveKeyRings storedRings = new LiveKeyRings(stored);
        KeyRotationJob storedJob = job(stored, storedRings, KeyAlgorithm.ED25519);
        KeyRotationJob referenceJob = job(reference, new LiveKeyRings(reference), KeyAlgorithm.ED25519);
        Set<String> everySigningKey = new HashSet<>();
        Set<String> everyDataKey = new HashSet<>();
        int removals = 0;
        for (int step = 0; step <= 24 * 5; step += 2) {
            KeyRingChanges changes = storedJob.runOnce();
            referenceJob.runOnce();
            removals += changes.signing().removed().size() + changes.data().removed().size();
            assertEquals(signing(reference), signing(stored), "signing ring at hour " + step);
            assertEquals(data(reference), data(stored), "data ring at hour " + step);
            storedRings.current().signing().keys().forEach(k -> everySigningKey.add(k.kid()));
            storedRings.current().data().keys().forEach(k -> everyDataKey.add(k.id()));
            clock.advance(Duration.ofHours(2));
        }
        assertTrue(everySigningKey.size() >= 6, "keys rotated daily: " + everySigningKey.size());
        assertTrue(everyDataKey.size() >= 6, "data keys rotated daily: " + everyDataKey.size());
        assertTrue(removals > 0, "retired keys past the token lifetime were removed");
        List<KeyLifecycle> states = signing(stored);
        assertEquals(1, states.stream().filter(l -> l.state() == KeyState.ACTIVE).count());
        assertEquals(1, states.stream().filter(l -> l.state() == KeyState.NEXT).count());
        assertTrue(states.stream().anyMatch(l -> l.state() == KeyState.RETIRED));

        KeyRings before = storedRings.current();
        byte[] payload = "{\"sub\":\"test\"}".getBytes(StandardCharsets.UTF_8);
        String token = before.signing().activeKey().sign(JOSEObjectType.JWT, payload);
        byte[] aad = "session".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = before.data().activeKey().seal(payload, aad, new SecureRandom());
        store.close();
        store = openStore();

        StoreKeyRingRepository reopened = new StoreKeyRingRepository(store);
        assertEquals(signing(reference), signing(reopened));
        assertEquals(data(reference), data(reopened));
        KeyRings after = new LiveKeyRings(reopened).reload();
        assertEquals(before.signing().jwks(), after.signing().jwks());
        assertEquals(before.signing().activeKey().kid(), after.signing().activeKey().kid());
        JWSObject jws = JWSObject.parse(token);
        assertTrue(after.signing().verificationKey(jws.getHeader().getKeyID()).orElseThrow().verifies(jws));
        assertArrayEquals(payload, after.data().key(before.data().activeKey().id()).orElseThrow().open(sealed, aad));
        String resigned = after.signing().activeKey().sign(JOSEObjectType.JWT, payload);
        assertTrue(before.signing().activeKey().verifies(JWSObject.parse(resigned)));

        clock.advance(Duration.ofHours(24));
        assertFalse(job(reopened, new LiveKeyRings(reopened), KeyAlgorithm.ED25519).runOnce().isEmpty(),
                "rotation carries on from the reopened store");
    }

    @Test
    void es256KeysKeepTheirAlgorithm() {
        StoreKeyRingRepository stored = new StoreKeyRingRepository(store);
        job(stored, new LiveKeyRings(stored), KeyAlgorithm.ES256).runOnce();
        List<SigningKey> keys = stored.signingKeys();
        assertEquals(2, keys.size());
        assertTrue(keys.stream().allMatch(k -> k.algorithm() == KeyAlgorithm.ES256));
        assertEquals(Set.of("ES256"), Set.copyOf(store.signingKeys().list().stream().map(k -> k.algorithm()).toList()));
    }

    @Test
    void aConflictingChangeIsAnIllegalStateAndLeavesTheRingsAsTheyWere() {
        StoreKeyRingRepository stored = new StoreKeyRingRepository(store);
        SigningKey first = SigningKey.generate(KeyAlgorithm.ED25519, clock.instant(), TestRandom.seeded(1));
        DataKey data = DataKey.generate(clock.instant(), TestRandom.seeded(2));
        stored.apply(new KeyRingChanges(new KeyChanges<>(List.of(first), List.of(), List.of()), KeyChanges.none()));
        long version = store.currentVersion();

        DataKey other = DataKey.generate(clock.instant(), TestRandom.seeded(3));
        IllegalStateException duplicate = assertThrows(IllegalStateException.class, () -> stored.apply(new KeyRingChanges(
                new KeyChanges<>(List.of(first), List.of(), List.of()), new KeyChanges<>(List.of(other), List.of(), List.of()))));
        assertTrue(duplicate.getMessage().contains(first.kid()), duplicate.getMessage());
        KeyLifecycle unknown = data.lifecycle().activated(clock.instant());
        assertThrows(IllegalStateException.class, () -> stored.apply(new KeyRingChanges(
                new KeyChanges<>(List.of(), List.of(first.lifecycle().activated(clock.instant())), List.of()),
                new KeyChanges<>(List.of(), List.of(unknown), List.of()))));

        assertEquals(version, store.currentVersion());
        assertEquals(List.of(first.lifecycle()), signing(stored));
        assertTrue(stored.dataKeys().isEmpty());
        assertFalse(store.signingKeys().ring().get(0).toString().contains(new String(first.exportPrivateKeyForSealing(),
                StandardCharsets.UTF_8)));
    }
}

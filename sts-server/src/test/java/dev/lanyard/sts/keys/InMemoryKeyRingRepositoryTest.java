package dev.lanyard.sts.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryKeyRingRepositoryTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void addsChangesAndRemovesKeys() {
    InMemoryKeyRingRepository repository = new InMemoryKeyRingRepository();
    SigningKey signing = SigningKey.generate(KeyAlgorithm.ED25519, T0, TestRandom.seeded(1));
    DataKey data = DataKey.generate(T0, TestRandom.seeded(2));
    repository.apply(new KeyRingChanges(
        new KeyChanges<>(List.of(signing), List.of(), List.of()),
        new KeyChanges<>(List.of(data), List.of(), List.of())));
    repository.apply(new KeyRingChanges(
        new KeyChanges<>(List.of(), List.of(signing.lifecycle().activated(T0)), List.of()),
        new KeyChanges<>(List.of(), List.of(), List.of(data.id()))));

    assertEquals(KeyState.ACTIVE, repository.signingKeys().get(0).state());
    assertEquals(signing.kid(), repository.signingKeys().get(0).kid());
    assertTrue(repository.dataKeys().isEmpty());
  }

  @Test
  void aFailingChangeLeavesEverythingAsItWas() {
    InMemoryKeyRingRepository repository = new InMemoryKeyRingRepository();
    SigningKey first = SigningKey.generate(KeyAlgorithm.ED25519, T0, TestRandom.seeded(1));
    repository.apply(new KeyRingChanges(
        new KeyChanges<>(List.of(first), List.of(), List.of()), KeyChanges.none()));
    DataKey data = DataKey.generate(T0, TestRandom.seeded(2));

    assertThrows(IllegalStateException.class, () -> repository.apply(new KeyRingChanges(
        new KeyChanges<>(List.of(), List.of(first.lifecycle().activated(T0)), List.of()),
        new KeyChanges<>(List.of(data), List.of(KeyLifecycle.next("unknown", T0)), List.of()))));
    assertEquals(KeyState.NEXT, repository.signingKeys().get(0).state());
    assertTrue(repository.dataKeys().isEmpty());

    assertThrows(IllegalStateException.class, () -> repository.apply(new KeyRingChanges(
        new KeyChanges<>(List.of(first), List.of(), List.of()), KeyChanges.none())));
    assertEquals(1, repository.signingKeys().size());
  }
}

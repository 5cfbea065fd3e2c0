package dev.lanyard.sts.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The pure rotation decision: given a ring's keys and an instant, what should change. It reads no
 * clock and touches no store, so the same answer comes out for the same facts; {@link
 * KeyRotationJob} applies it. Signing rings and data-key rings follow the same rules:
 *
 * <ol>
 *   <li>A ring with no keys at all gets one ACTIVE key at once (the only key that signs without
 *       having been published first) and one NEXT key.
 *   <li>When the newest ACTIVE key has been active for the rotation period (or there is no ACTIVE
 *       key), the oldest NEXT key published for at least the publication lead becomes ACTIVE and
 *       every ACTIVE key is retired. A NEXT key younger than the lead waits, even if that leaves
 *       the ring without an ACTIVE key.
 *   <li>Otherwise, of several ACTIVE keys (a half-applied earlier rotation) all but the newest are
 *       retired.
 *   <li>When no NEXT key would remain, a new NEXT key is created.
 *   <li>A RETIRED key is removed once the longest token lifetime has passed since it retired.
 * </ol>
 */
public final class KeyRotator {
  private final RotationPolicy policy;

  public KeyRotator(RotationPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** What should change in a ring holding {@code keys} at {@code now}. */
  public RotationPlan plan(Collection<KeyLifecycle> keys, Instant now) {
    if (keys.isEmpty()) {
      return new RotationPlan(true, true, List.of(), List.of(), List.of());
    }
    List<KeyLifecycle> actives = new ArrayList<>();
    List<KeyLifecycle> nexts = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    for (KeyLifecycle key : keys) {
      switch (key.state()) {
        case ACTIVE -> actives.add(key);
        case NEXT -> nexts.add(key);
        case RETIRED -> {
          if (!now.isBefore(key.retiredAt().plus(policy.maxTokenLifetime()))) {
            remove.add(key.id());
          }
        }
      }
    }
    actives.sort(Comparator.comparing(KeyLifecycle::activatedAt).reversed()
        .thenComparing(KeyLifecycle::id));
    nexts.sort(Comparator.comparing(KeyLifecycle::createdAt).thenComparing(KeyLifecycle::id));

    KeyLifecycle newestActive = actives.isEmpty() ? null : actives.get(0);
    boolean due = newestActive == null
        || !now.isBefore(newestActive.activatedAt().plus(policy.rotationPeriod()));
    KeyLifecycle ready = nexts.stream()
        .filter(next -> !now.isBefore(next.createdAt().plus(policy.publicationLead())))
        .findFirst()
        .orElse(null);

    List<String> promote = new ArrayList<>();
    List<String> retire = new ArrayList<>();
    if (due && ready != null) {
      promote.add(ready.id());
      actives.forEach(active -> retire.add(active.id()));
    } else {
      actives.stream().skip(1).forEach(active -> retire.add(active.id()));
    }
    boolean createNext = nexts.size() - promote.size() == 0;
    return new RotationPlan(false, createNext, promote, retire, remove);
  }
}

package dev.lanyard.sts.keys;

import java.util.List;

/**
 * What one ring should change now, as {@link KeyRotator} decided it.
 *
 * @param createActive create a key that is ACTIVE at once: only for a ring with no keys at all
 * @param createNext create a NEXT key, so one always waits
 * @param promote ids of NEXT keys to make ACTIVE
 * @param retire ids of ACTIVE keys to retire
 * @param remove ids of RETIRED keys whose tokens have all expired
 */
public record RotationPlan(
    boolean createActive,
    boolean createNext,
    List<String> promote,
    List<String> retire,
    List<String> remove) {

  public RotationPlan {
    promote = List.copyOf(promote);
    retire = List.copyOf(retire);
    remove = List.copyOf(remove);
  }

  public boolean isEmpty() {
    return !createActive && !createNext && promote.isEmpty() && retire.isEmpty() && remove.isEmpty();
  }
}

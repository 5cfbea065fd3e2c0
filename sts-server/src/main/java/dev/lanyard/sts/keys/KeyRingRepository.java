package dev.lanyard.sts.keys;

import java.util.List;

/**
 * Where the key rings persist, shared by every node of a cluster. Implementations seal key
 * material at rest ({@link SigningKey#exportPrivateKeyForSealing()}, {@link
 * DataKey#exportKeyForSealing()}) and rebuild keys with {@link SigningKey#restore} and {@link
 * DataKey#restore}.
 *
 * <p>A signing key row holds (kid, algorithm, state, createdAt, activatedAt, retiredAt, sealed
 * private key, public JWK JSON); a data key row holds (id, sealed key bytes, createdAt,
 * activatedAt, retiredAt), its state following from the dates ({@link KeyLifecycle#fromDates}).
 */
public interface KeyRingRepository {

  /** Every stored signing key. */
  List<SigningKey> signingKeys();

  /** Every stored data key. */
  List<DataKey> dataKeys();

  /**
   * Applies these changes, in this order: additions, lifecycle changes (in list order), removals.
   * Implementations should apply them in one transaction; an implementation that cannot is still
   * safe, because {@link KeyRotator} converges from any partly applied state on its next run.
   *
   * @throws IllegalStateException when an added id already exists or a changed id does not
   */
  void apply(KeyRingChanges changes);
}

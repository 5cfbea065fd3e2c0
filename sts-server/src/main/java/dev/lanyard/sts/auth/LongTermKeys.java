package dev.lanyard.sts.auth;

import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.cache.VersionedCache;
import dev.lanyard.sts.store.IamArns;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.model.AccessKeySecret;
import dev.lanyard.sts.store.model.AccessKeyStatus;
import dev.lanyard.sts.store.model.User;
import java.util.Optional;

/**
 * Long-term access keys by id, from the store, cached per store version so that signature checks
 * do not read the database on every call while deactivation and deletion still take effect as soon
 * as the version advances.
 */
public final class LongTermKeys {
  private final IamStore store;
  private final VersionedCache<String, Optional<LongTermKey>> cache;

  public LongTermKeys(IamStore store, StoreVersionTracker versions) {
    this.store = store;
    this.cache = new VersionedCache<>(versions, 100_000);
  }

  /** The key with this id, or empty when there is none. */
  public Optional<LongTermKey> find(String accessKeyId) {
    return cache.get(accessKeyId, this::load);
  }

  private Optional<LongTermKey> load(String accessKeyId) {
    Optional<AccessKeySecret> found = store.accessKeys().secret(accessKeyId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AccessKeySecret ks = found.get();
    var key = ks.key();
    boolean active = key.status() == AccessKeyStatus.ACTIVE;
    if (key.root()) {
      return Optional.of(new LongTermKey(accessKeyId, key.accountId(), null, key.accountId(),
          new IamArns(store.partition()).root(key.accountId()), active, ks.secretAccessKey()));
    }
    Optional<User> user = store.users().get(key.accountId(), key.userName());
    if (user.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LongTermKey(accessKeyId, key.accountId(), key.userName(),
        user.get().id(), user.get().arn(), active, ks.secretAccessKey()));
  }
}

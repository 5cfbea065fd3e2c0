package dev.lanyard.sts.iam;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.proto.iam.v1.AccessKeyLastUsed;
import dev.lanyard.proto.iam.v1.CreateAccessKeyRequest;
import dev.lanyard.proto.iam.v1.CreateAccessKeyResponse;
import dev.lanyard.proto.iam.v1.DeleteAccessKeyRequest;
import dev.lanyard.proto.iam.v1.DeleteAccessKeyResponse;
import dev.lanyard.proto.iam.v1.GetAccessKeyLastUsedRequest;
import dev.lanyard.proto.iam.v1.GetAccessKeyLastUsedResponse;
import dev.lanyard.proto.iam.v1.ListAccessKeysRequest;
import dev.lanyard.proto.iam.v1.ListAccessKeysResponse;
import dev.lanyard.proto.iam.v1.UpdateAccessKeyRequest;
import dev.lanyard.proto.iam.v1.UpdateAccessKeyResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.model.AccessKey;
import dev.lanyard.sts.store.model.AccessKeySecret;
import dev.lanyard.sts.store.model.AccessKeyStatus;
import java.util.List;

/**
 * Long-term access keys (at most 2 per user, enforced by the store). The secret is in the
 * CreateAccessKey answer only; it is never logged, audited or returned again. Without a user name a
 * call acts on the caller's own keys: the calling IAM user's, or the account root's when the root
 * calls (AWS's behaviour).
 */
final class AccessKeyOperations {
  private final IamStore store;
  private final IamTargets targets;
  private final StoreVersionTracker versions;

  AccessKeyOperations(IamStore store, IamTargets targets, StoreVersionTracker versions) {
    this.store = store;
    this.targets = targets;
    this.versions = versions;
  }

  /** Whose keys a call is about: an IAM user by name, or the account root ({@code userName} null). */
  private record KeyOwner(String userName) {
    boolean root() {
      return userName == null;
    }
  }

  CreateAccessKeyResponse createAccessKey(Caller caller, CreateAccessKeyRequest r) {
    KeyOwner owner = owner(caller, "CreateAccessKey", r.getUserName());
    AccessKeySecret created = owner.root() ? store.accessKeys().createForRoot(caller.accountId())
        : store.accessKeys().create(caller.accountId(), owner.userName());
    versions.refresh();
    AccessKey key = created.key();
    return CreateAccessKeyResponse.newBuilder().setAccessKey(dev.lanyard.proto.iam.v1.AccessKey.newBuilder()
        .setUserName(key.root() ? "" : key.userName()).setAccessKeyId(key.accessKeyId())
        .setStatus(IamProtoMapping.status(key.status())).setSecretAccessKey(created.secretAccessKey().utf8())
        .setCreateDate(IamProtoMapping.time(key.createDate()))).build();
  }

  ListAccessKeysResponse listAccessKeys(Caller caller, ListAccessKeysRequest r) {
    var page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    KeyOwner owner = owner(caller, "ListAccessKeys", r.getUserName());
    List<AccessKey> all = owner.root() ? store.accessKeys().listForRoot(caller.accountId())
        : store.accessKeys().listForUser(caller.accountId(), owner.userName());
    Page<AccessKey> keys = ListPages.of(all, AccessKey::accessKeyId, page);
    var b = ListAccessKeysResponse.newBuilder().setIsTruncated(keys.truncated());
    keys.items().forEach(k -> b.addAccessKeyMetadata(IamProtoMapping.keyMetadata(k)));
    if (keys.truncated()) {
      b.setMarker(keys.nextMarker());
    }
    return b.build();
  }

  UpdateAccessKeyResponse updateAccessKey(Caller caller, UpdateAccessKeyRequest r) {
    String keyId = IamValidation.accessKeyId("access_key_id", r.getAccessKeyId());
    AccessKeyStatus status = switch (r.getStatus()) {
      case ACCESS_KEY_STATUS_ACTIVE -> AccessKeyStatus.ACTIVE;
      case ACCESS_KEY_STATUS_INACTIVE -> AccessKeyStatus.INACTIVE;
      default -> throw IamValidation.invalid("status", "is missing or unknown",
          "ACCESS_KEY_STATUS_ACTIVE or ACCESS_KEY_STATUS_INACTIVE");
    };
    KeyOwner owner = owner(caller, "UpdateAccessKey", r.getUserName());
    if (owner.root()) {
      store.accessKeys().setRootKeyStatus(caller.accountId(), keyId, status);
    } else {
      store.accessKeys().setStatus(caller.accountId(), owner.userName(), keyId, status);
    }
    versions.refresh();
    return UpdateAccessKeyResponse.getDefaultInstance();
  }

  DeleteAccessKeyResponse deleteAccessKey(Caller caller, DeleteAccessKeyRequest r) {
    String keyId = IamValidation.accessKeyId("access_key_id", r.getAccessKeyId());
    KeyOwner owner = owner(caller, "DeleteAccessKey", r.getUserName());
    if (owner.root()) {
      store.accessKeys().deleteRootKey(caller.accountId(), keyId);
    } else {
      store.accessKeys().delete(caller.accountId(), owner.userName(), keyId);
    }
    versions.refresh();
    return DeleteAccessKeyResponse.getDefaultInstance();
  }

  GetAccessKeyLastUsedResponse getAccessKeyLastUsed(Caller caller, GetAccessKeyLastUsedRequest r) {
    String keyId = IamValidation.accessKeyId("access_key_id", r.getAccessKeyId());
    AccessKey key = store.accessKeys().get(keyId).filter(k -> k.accountId().equals(caller.accountId()))
        .orElseThrow(() -> new LanyardException(AwsErrorCode.NoSuchEntity,
            "The Access Key with id " + keyId + " cannot be found.", false));
    if (key.root()) {
      targets.access().require(caller, "GetAccessKeyLastUsed", targets.arns().root(caller.accountId()));
    } else {
      targets.user(caller, "GetAccessKeyLastUsed", key.userName());
    }
    var used = AccessKeyLastUsed.newBuilder();
    if (key.lastUsed() == null) {
      used.setServiceName("N/A").setRegion("N/A");
    } else {
      used.setLastUsedDate(IamProtoMapping.time(key.lastUsed().date()))
          .setServiceName(key.lastUsed().serviceName() == null ? "N/A" : key.lastUsed().serviceName())
          .setRegion(key.lastUsed().region() == null ? "N/A" : key.lastUsed().region());
    }
    return GetAccessKeyLastUsedResponse.newBuilder().setUserName(key.root() ? "" : key.userName())
        .setAccessKeyLastUsed(used).build();
  }

  /** Resolves and authorises the key owner: the named user, else the calling user or root. */
  private KeyOwner owner(Caller caller, String action, String userName) {
    if (userName.isEmpty() && caller.type() == PrincipalType.ACCOUNT_ROOT) {
      targets.access().require(caller, action, targets.arns().root(caller.accountId()));
      return new KeyOwner(null);
    }
    String name = targets.namedOrCallingUser(caller, "user_name", userName);
    return new KeyOwner(targets.user(caller, action, name).name());
  }
}

package dev.lanyard.sts.authz;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.eval.PolicySet;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.cache.VersionedCache;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.model.AccessKey;
import dev.lanyard.sts.store.model.AttachedPolicy;
import dev.lanyard.sts.store.model.Group;
import dev.lanyard.sts.store.model.InlinePolicy;
import dev.lanyard.sts.store.model.PolicyOwner;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.store.model.User;
import dev.lanyard.sts.token.SessionPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every policy that applies to a caller, compiled into one {@link PolicySet}: for a user, its inline
 * and attached policies and those of its groups, and its permissions boundary; for a role session,
 * the role's policies and boundary plus the session's own policies (inline and managed, from the
 * token); for a federated user, the parent user's policies plus the session policies; the account
 * root has no identity policies (it may do anything in its account but what an explicit deny
 * forbids). Sets are cached per principal and store version, so the hot path only evaluates.
 */
public final class PrincipalPolicies {
  /** What the store says about a principal, beyond its policies: revocation. */
  public record PrincipalState(PolicySet policies, Instant sessionsRevokedBefore, List<TagPair> tags) {}

  /** A tag of the principal (user or role), for {@code aws:PrincipalTag/}. */
  public record TagPair(String key, String value) {}

  /** Which principal a cached state is for: kind, then account and name, role ARN or parent key. */
  private record StateKey(char kind, String first, String second) {
    // Written out: the record's generated methods go through method handles on this hot path.
    @Override
    public boolean equals(Object o) {
      return o instanceof StateKey k && kind == k.kind && first.equals(k.first)
          && java.util.Objects.equals(second, k.second);
    }

    @Override
    public int hashCode() {
      return 31 * first.hashCode() + kind;
    }
  }

  /** The state of principals the store holds nothing about (the account root, a parentless federated user). */
  private static final PrincipalState NO_POLICIES = new PrincipalState(PolicySet.builder().build(), null, List.of());

  private final IamStore store;
  private final PolicyLibrary library;
  private final VersionedCache<StateKey, PrincipalState> principals;
  private final VersionedCache<String, PolicySet> sessions;
  private final VersionedCache<String, Optional<Role>> roles;
  private final VersionedCache<String, Boolean> revokedInstances;

  public PrincipalPolicies(IamStore store, PolicyLibrary library, StoreVersionTracker versions) {
    this.store = store;
    this.library = library;
    this.principals = new VersionedCache<>(versions, 50_000);
    this.sessions = new VersionedCache<>(versions, 200_000);
    this.roles = new VersionedCache<>(versions, 50_000);
    this.revokedInstances = new VersionedCache<>(versions, 50_000);
  }

  /** Whether the host instance with this id was revoked (or is gone), cached per store version. */
  public boolean instanceRevoked(String instanceId) {
    return revokedInstances.get(instanceId, id -> store.hostEnrolment().instance(id)
        .map(dev.lanyard.sts.store.model.HostInstance::revoked).orElse(true));
  }

  /**
   * The role with this ARN, cached per store version: AssumeRole and the federation calls read it
   * from memory, so they keep working through a store outage for roles already seen.
   */
  public Optional<Role> role(String roleArn) {
    return roles.get(roleArn, arn -> store.roles().getByArn(arn));
  }

  /** The policy set that governs requests made by {@code caller}. */
  public PolicySet policiesFor(Caller caller) {
    return policiesFor(caller, stateFor(caller));
  }

  /** The policy set that governs requests made by {@code caller}, whose state is {@code base}. */
  public PolicySet policiesFor(Caller caller, PrincipalState base) {
    if (caller.session() == null) {
      return base.policies();
    }
    SessionPolicy sp = caller.session().claims().grant().sessionPolicy();
    if (sp.isEmpty() && caller.type() != dev.lanyard.policy.eval.PrincipalType.FEDERATED_USER) {
      return base.policies();
    }
    return sessions.get(caller.accessKeyId(), k -> withSessionPolicies(base.policies(), sp));
  }

  /** The store-side state of the caller's principal (the role for sessions, the parent user for federated users). */
  public PrincipalState stateFor(Caller caller) {
    return switch (caller.type()) {
      case ACCOUNT_ROOT -> NO_POLICIES;
      case USER -> principals.get(new StateKey('u', caller.accountId(), caller.userName()),
          k -> userState(caller.accountId(), caller.userName()));
      case ASSUMED_ROLE -> principals.get(new StateKey('r', caller.roleArn(), null), k -> roleState(caller.roleArn()));
      case FEDERATED_USER -> federatedParentState(caller);
      default -> throw new LanyardException(AwsErrorCode.AccessDenied,
          "principal type " + caller.type() + " cannot make signed requests");
    };
  }

  /** The policies of a user, looked up by account and name (for SimulatePrincipalPolicy too). */
  public PrincipalState userState(String accountId, String userName) {
    User user = store.users().get(accountId, userName).orElseThrow(() -> new LanyardException(
        AwsErrorCode.InvalidClientTokenId, "the user that owns these credentials no longer exists"));
    List<CompiledPolicy> identity = new ArrayList<>();
    addOwnerPolicies(identity, PolicyOwner.user(accountId, userName));
    for (Group g : allGroups(accountId, userName)) {
      addOwnerPolicies(identity, PolicyOwner.group(accountId, g.name()));
    }
    PolicySet.Builder b = PolicySet.builder().identityPolicies(identity);
    if (user.permissionsBoundaryArn() != null) {
      b.permissionsBoundary(library.managed(user.permissionsBoundaryArn()));
    }
    return new PrincipalState(b.build(), user.tokensRevokedBefore(),
        user.tags().stream().map(t -> new TagPair(t.key(), t.value())).toList());
  }

  /** The policies of a role, by ARN. */
  public PrincipalState roleState(String roleArn) {
    Role role = role(roleArn).orElseThrow(() -> new LanyardException(
        AwsErrorCode.InvalidClientTokenId, "the role of this session no longer exists"));
    List<CompiledPolicy> identity = new ArrayList<>();
    addOwnerPolicies(identity, PolicyOwner.role(role.accountId(), role.name()));
    PolicySet.Builder b = PolicySet.builder().identityPolicies(identity);
    if (role.permissionsBoundaryArn() != null) {
      b.permissionsBoundary(library.managed(role.permissionsBoundaryArn()));
    }
    return new PrincipalState(b.build(), role.tokensRevokedBefore(),
        role.tags().stream().map(t -> new TagPair(t.key(), t.value())).toList());
  }

  private PrincipalState federatedParentState(Caller caller) {
    String parentKey = caller.session().claims().grant().sourceAccessKeyId();
    if (parentKey == null) {
      return NO_POLICIES;
    }
    return principals.get(new StateKey('f', parentKey, null), k -> {
      AccessKey key = store.accessKeys().get(parentKey).orElseThrow(() -> new LanyardException(
          AwsErrorCode.InvalidClientTokenId,
          "the access key that requested this federation token no longer exists"));
      if (key.root()) {
        // The account root may do anything in its account: its federated users are limited by
        // their session policy alone.
        return new PrincipalState(PolicySet.builder().identityPolicies(List.of(ROOT_PARENT)).build(),
            null, List.of());
      }
      return userState(key.accountId(), key.userName());
    });
  }

  /** The identity side of a federated user whose parent is the account root: everything. */
  private static final CompiledPolicy ROOT_PARENT = PolicyLibrary.compile(
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
      "account-root");

  private void addOwnerPolicies(List<CompiledPolicy> out, PolicyOwner owner) {
    for (InlinePolicy p : store.principalPolicies().inlinePolicies(owner)) {
      out.add(PolicyLibrary.compile(p.document(), inlineLabel(owner, p.policyName())));
    }
    for (AttachedPolicy a : store.principalPolicies().attachedPolicies(owner)) {
      out.add(library.managed(a.policyArn()));
    }
  }

  private List<Group> allGroups(String accountId, String userName) {
    List<Group> all = new ArrayList<>();
    String marker = null;
    do {
      var page = store.groups().groupsForUser(accountId, userName, new PageRequest(marker, 1000));
      all.addAll(page.items());
      marker = page.truncated() ? page.nextMarker() : null;
    } while (marker != null);
    return all;
  }

  private PolicySet withSessionPolicies(PolicySet base, SessionPolicy sp) {
    List<CompiledPolicy> session = new ArrayList<>();
    if (sp.document() != null) {
      session.add(PolicyLibrary.compile(sp.document(), "sessionPolicy"));
    }
    for (String arn : sp.managedPolicyArns()) {
      session.add(library.managed(arn));
    }
    PolicySet.Builder b = PolicySet.builder()
        .identityPolicies(base.identityPolicies())
        .sessionPolicies(session);
    if (base.permissionsBoundary() != null) {
      b.permissionsBoundary(base.permissionsBoundary());
    }
    return b.build();
  }

  /** The label of an inline policy in decisions: {@code user/alice/inline/NAME}. */
  public static String inlineLabel(PolicyOwner owner, String policyName) {
    return owner.kind().name().toLowerCase(java.util.Locale.ROOT) + "/" + owner.name() + "/inline/"
        + policyName;
  }
}

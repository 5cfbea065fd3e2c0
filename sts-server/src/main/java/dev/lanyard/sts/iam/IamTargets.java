package dev.lanyard.sts.iam;

import dev.lanyard.sts.store.IamArns;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.model.Group;
import dev.lanyard.sts.store.model.InstanceProfile;
import dev.lanyard.sts.store.model.ManagedPolicy;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.store.model.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the entity a call acts on in the caller's account and authorises the action on it, in that
 * order and without revealing existence: the action is authorised on the entity's ARN when it exists
 * and on the ARN it would have at path "/" when it does not, and only an authorised caller learns
 * {@code NoSuchEntity}.
 */
final class IamTargets {
  private final IamStore store;
  private final IamAccess access;
  private final IamArns arns;

  IamTargets(IamStore store, IamAccess access, IamArns arns) {
    this.store = store;
    this.access = access;
    this.arns = arns;
  }

  IamArns arns() {
    return arns;
  }

  IamAccess access() {
    return access;
  }

  User user(Caller caller, String action, String name) {
    return user(caller, action, name, Map.of());
  }

  User user(Caller caller, String action, String name, Map<String, List<String>> context) {
    String account = caller.accountId();
    Optional<User> found = store.users().get(account, name);
    access.require(caller, action, found.map(User::arn).orElse(arns.user(account, "/", name)), context);
    return found.orElseThrow(() -> noSuch("user", name));
  }

  Group group(Caller caller, String action, String name) {
    return group(caller, action, name, Map.of());
  }

  Group group(Caller caller, String action, String name, Map<String, List<String>> context) {
    String account = caller.accountId();
    Optional<Group> found = store.groups().get(account, name);
    access.require(caller, action, found.map(Group::arn).orElse(arns.group(account, "/", name)), context);
    return found.orElseThrow(() -> noSuch("group", name));
  }

  Role role(Caller caller, String action, String name) {
    return role(caller, action, name, Map.of());
  }

  Role role(Caller caller, String action, String name, Map<String, List<String>> context) {
    String account = caller.accountId();
    Optional<Role> found = store.roles().get(account, name);
    access.require(caller, action, found.map(Role::arn).orElse(arns.role(account, "/", name)), context);
    return found.orElseThrow(() -> noSuch("role", name));
  }

  InstanceProfile profile(Caller caller, String action, String name) {
    String account = caller.accountId();
    Optional<InstanceProfile> found = store.instanceProfiles().get(account, name);
    access.require(caller, action,
        found.map(InstanceProfile::arn).orElse(arns.instanceProfile(account, "/", name)));
    return found.orElseThrow(() -> noSuch("instance profile", name));
  }

  /** A customer managed policy by ARN (authorised on that ARN, so another account's is denied). */
  ManagedPolicy policy(Caller caller, String action, String policyArn) {
    access.require(caller, action, policyArn);
    return store.managedPolicies().get(policyArn)
        .filter(p -> p.accountId().equals(caller.accountId()))
        .orElseThrow(() -> new LanyardException(AwsErrorCode.NoSuchEntity,
            "Policy " + policyArn + " does not exist or is not attachable.", false));
  }

  /**
   * The user a call about "my own" keys or devices names: {@code name} when given, else the calling
   * IAM user (AWS's behaviour); {@code ValidationError} for other principals without a name.
   */
  String namedOrCallingUser(Caller caller, String field, String name) {
    if (!name.isEmpty()) {
      return IamValidation.name(field, name, IamValidation.USER_NAME_MAX);
    }
    if (caller.userName() != null
        && (caller.type() == PrincipalType.USER || caller.session() != null)) {
      return caller.userName();
    }
    throw IamValidation.invalid(field, "is missing and the caller (" + caller.type()
        + ") is not an IAM user", "the name of an IAM user in the account");
  }

  static LanyardException noSuch(String kind, String name) {
    return new LanyardException(AwsErrorCode.NoSuchEntity, "The " + kind + " with name " + name
        + " cannot be found.", false);
  }
}

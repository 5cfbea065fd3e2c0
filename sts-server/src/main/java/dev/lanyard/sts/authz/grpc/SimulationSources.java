package dev.lanyard.sts.authz.grpc;

import dev.lanyard.policy.arn.Arn;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.sts.authz.AwsManagedPolicies;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.model.AttachedPolicy;
import dev.lanyard.sts.store.model.Group;
import dev.lanyard.sts.store.model.IamEntity;
import dev.lanyard.sts.store.model.InlinePolicy;
import dev.lanyard.sts.store.model.ManagedPolicyVersion;
import dev.lanyard.sts.store.model.PolicyOwner;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.store.model.User;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies of a user, group or role as SimulatePrincipalPolicy sees them, read from the store
 * with their documents (for statement positions): inline policies (named
 * {@code <entity name>_<policy name>}), attached managed policies (by ARN), a user's groups'
 * policies, and the permissions boundary.
 */
final class SimulationSources {
  /** What the simulation of a principal starts from. */
  record Source(List<SimulatedPolicy> identity, SimulatedPolicy boundary, RequestPrincipal principal) {}

  private final IamStore store;

  SimulationSources(IamStore store) {
    this.store = store;
  }

  Source of(String policySourceArn) {
    IamEntity entity = store.findByArn(policySourceArn).orElseThrow(() -> new LanyardException(
        AwsErrorCode.NoSuchEntity, "PolicySourceArn: no user, group or role " + policySourceArn
            + " exists; give the ARN of an existing IAM user, group or role"));
    List<SimulatedPolicy> identity = new ArrayList<>();
    String partition = Arn.parse(entity.arn()).partition();
    if (entity instanceof User u) {
      addOwner(identity, PolicyOwner.user(u.accountId(), u.name()), "user");
      for (Group g : groups(u)) {
        addOwner(identity, PolicyOwner.group(g.accountId(), g.name()), "group");
      }
      return new Source(identity, boundary(u.permissionsBoundaryArn()), RequestPrincipal.fromArn(u.arn(), null));
    }
    if (entity instanceof Group g) {
      addOwner(identity, PolicyOwner.group(g.accountId(), g.name()), "group");
      return new Source(identity, null, RequestPrincipal.fromArn(
          "arn:" + partition + ":iam::" + g.accountId() + ":user/SimulatedMemberOf" + g.name(), null));
    }
    if (entity instanceof Role r) {
      addOwner(identity, PolicyOwner.role(r.accountId(), r.name()), "role");
      return new Source(identity, boundary(r.permissionsBoundaryArn()), RequestPrincipal.fromArn(
          "arn:" + partition + ":sts::" + r.accountId() + ":assumed-role/" + r.name() + "/SimulatedSession",
          r.arn()));
    }
    throw new LanyardException(AwsErrorCode.InvalidInput, "PolicySourceArn: " + policySourceArn
        + " is not a user, group or role; give the ARN of an IAM user, group or role");
  }

  private void addOwner(List<SimulatedPolicy> out, PolicyOwner owner, String type) {
    for (InlinePolicy p : store.principalPolicies().inlinePolicies(owner)) {
      out.add(SimulatedPolicy.stored(owner.name() + "_" + p.policyName(), type, p.document()));
    }
    for (AttachedPolicy a : store.principalPolicies().attachedPolicies(owner)) {
      out.add(managed(a.policyArn()));
    }
  }

  private SimulatedPolicy boundary(String arn) {
    return arn == null ? null : managed(arn);
  }

  private SimulatedPolicy managed(String arn) {
    if (AwsManagedPolicies.isAwsManagedArn(arn)) {
      String doc = AwsManagedPolicies.document(arn).orElseThrow(() -> missing(arn));
      return SimulatedPolicy.stored(arn, "aws-managed", doc);
    }
    String doc = store.managedPolicies().defaultVersion(arn).map(ManagedPolicyVersion::document)
        .orElseThrow(() -> missing(arn));
    return SimulatedPolicy.stored(arn, "user-managed", doc);
  }

  private List<Group> groups(User u) {
    List<Group> all = new ArrayList<>();
    String marker = null;
    do {
      Page<Group> page = store.groups().groupsForUser(u.accountId(), u.name(), new PageRequest(marker, 1000));
      all.addAll(page.items());
      marker = page.truncated() ? page.nextMarker() : null;
    } while (marker != null);
    return all;
  }

  private static LanyardException missing(String arn) {
    return new LanyardException(AwsErrorCode.NoSuchEntity, "Policy " + arn + " does not exist.");
  }
}

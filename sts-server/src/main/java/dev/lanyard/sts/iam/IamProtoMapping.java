package dev.lanyard.sts.iam;

import com.google.protobuf.Timestamp;
import dev.lanyard.proto.iam.v1.AccessKeyMetadata;
import dev.lanyard.proto.iam.v1.AccessKeyStatus;
import dev.lanyard.proto.iam.v1.AttachedPermissionsBoundary;
import dev.lanyard.proto.iam.v1.MFADevice;
import dev.lanyard.proto.iam.v1.PolicyVersion;
import dev.lanyard.sts.store.model.AccessKey;
import dev.lanyard.sts.store.model.ManagedPolicyVersion;
import dev.lanyard.sts.store.model.Tag;
import dev.lanyard.sts.store.model.VirtualMfaDevice;
import java.time.Instant;
import java.util.List;

/**
 * Store records to response messages. Never maps a secret: the only messages that carry one (the new
 * access key, the new MFA seed, the join token) are built by the operation that created it.
 */
final class IamProtoMapping {
  static final String BOUNDARY_TYPE = "PermissionsBoundaryPolicy";

  private IamProtoMapping() {}

  static Timestamp time(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  static List<dev.lanyard.proto.common.v1.Tag> tags(List<Tag> tags) {
    return tags.stream().map(IamProtoMapping::tag).toList();
  }

  static dev.lanyard.proto.common.v1.Tag tag(Tag t) {
    return dev.lanyard.proto.common.v1.Tag.newBuilder().setKey(t.key()).setValue(t.value()).build();
  }

  static dev.lanyard.proto.iam.v1.User user(dev.lanyard.sts.store.model.User u) {
    var b = dev.lanyard.proto.iam.v1.User.newBuilder().setPath(u.path()).setUserName(u.name()).setUserId(u.id())
        .setArn(u.arn()).setCreateDate(time(u.createDate())).addAllTags(tags(u.tags()));
    if (u.permissionsBoundaryArn() != null) {
      b.setPermissionsBoundary(boundary(u.permissionsBoundaryArn()));
    }
    return b.build();
  }

  static dev.lanyard.proto.iam.v1.Group group(dev.lanyard.sts.store.model.Group g) {
    return dev.lanyard.proto.iam.v1.Group.newBuilder().setPath(g.path()).setGroupName(g.name()).setGroupId(g.id())
        .setArn(g.arn()).setCreateDate(time(g.createDate())).build();
  }

  static dev.lanyard.proto.iam.v1.Role role(dev.lanyard.sts.store.model.Role r) {
    var b = dev.lanyard.proto.iam.v1.Role.newBuilder().setPath(r.path()).setRoleName(r.name()).setRoleId(r.id())
        .setArn(r.arn()).setCreateDate(time(r.createDate())).setAssumeRolePolicyDocument(r.trustPolicy())
        .setMaxSessionDuration(r.maxSessionDuration()).addAllTags(tags(r.tags()));
    if (r.description() != null) {
      b.setDescription(r.description());
    }
    if (r.permissionsBoundaryArn() != null) {
      b.setPermissionsBoundary(boundary(r.permissionsBoundaryArn()));
    }
    return b.build();
  }

  static AttachedPermissionsBoundary boundary(String arn) {
    return AttachedPermissionsBoundary.newBuilder().setPermissionsBoundaryType(BOUNDARY_TYPE)
        .setPermissionsBoundaryArn(arn).build();
  }

  static dev.lanyard.proto.iam.v1.Policy policy(dev.lanyard.sts.store.model.ManagedPolicy p) {
    var b = dev.lanyard.proto.iam.v1.Policy.newBuilder().setPolicyName(p.name()).setPolicyId(p.id()).setArn(p.arn())
        .setPath(p.path()).setDefaultVersionId(p.defaultVersionId()).setAttachmentCount(p.attachmentCount())
        .setPermissionsBoundaryUsageCount(p.permissionsBoundaryUsageCount()).setIsAttachable(true)
        .setCreateDate(time(p.createDate())).setUpdateDate(time(p.updateDate())).addAllTags(tags(p.tags()));
    if (p.description() != null) {
      b.setDescription(p.description());
    }
    return b.build();
  }

  static PolicyVersion version(ManagedPolicyVersion v, boolean withDocument) {
    var b = PolicyVersion.newBuilder().setVersionId(v.versionId()).setIsDefaultVersion(v.isDefault())
        .setCreateDate(time(v.createDate()));
    if (withDocument) {
      b.setDocument(v.document());
    }
    return b.build();
  }

  static dev.lanyard.proto.iam.v1.AttachedPolicy attached(dev.lanyard.sts.store.model.AttachedPolicy a) {
    return dev.lanyard.proto.iam.v1.AttachedPolicy.newBuilder().setPolicyName(a.policyName())
        .setPolicyArn(a.policyArn()).build();
  }

  static AccessKeyStatus status(dev.lanyard.sts.store.model.AccessKeyStatus s) {
    return s == dev.lanyard.sts.store.model.AccessKeyStatus.ACTIVE ? AccessKeyStatus.ACCESS_KEY_STATUS_ACTIVE
        : AccessKeyStatus.ACCESS_KEY_STATUS_INACTIVE;
  }

  static AccessKeyMetadata keyMetadata(AccessKey k) {
    return AccessKeyMetadata.newBuilder().setUserName(k.root() ? "" : k.userName()).setAccessKeyId(k.accessKeyId())
        .setStatus(status(k.status())).setCreateDate(time(k.createDate())).build();
  }

  static MFADevice mfaDevice(VirtualMfaDevice d) {
    var b = MFADevice.newBuilder().setUserName(d.userName() == null ? "" : d.userName())
        .setSerialNumber(d.serialNumber());
    if (d.enableDate() != null) {
      b.setEnableDate(time(d.enableDate()));
    }
    return b.build();
  }

  /** A device without its seed; {@code user} is the assigned user or {@code null}. */
  static dev.lanyard.proto.iam.v1.VirtualMFADevice virtualDevice(VirtualMfaDevice d,
      dev.lanyard.sts.store.model.User user) {
    var b = dev.lanyard.proto.iam.v1.VirtualMFADevice.newBuilder().setSerialNumber(d.serialNumber());
    if (user != null) {
      b.setUser(user(user));
    }
    if (d.enableDate() != null) {
      b.setEnableDate(time(d.enableDate()));
    }
    return b.build();
  }

  /** A profile with its role ({@code role} {@code null} when it holds none). */
  static dev.lanyard.proto.iam.v1.InstanceProfile profile(dev.lanyard.sts.store.model.InstanceProfile p,
      dev.lanyard.sts.store.model.Role role) {
    var b = dev.lanyard.proto.iam.v1.InstanceProfile.newBuilder().setPath(p.path()).setInstanceProfileName(p.name())
        .setInstanceProfileId(p.id()).setArn(p.arn()).setCreateDate(time(p.createDate()))
        .addAllTags(tags(p.tags()));
    if (role != null) {
      b.addRoles(role(role));
    }
    return b.build();
  }

  static dev.lanyard.proto.iam.v1.Account account(dev.lanyard.sts.store.model.Account a) {
    var b = dev.lanyard.proto.iam.v1.Account.newBuilder().setAccountId(a.id()).setCreateDate(time(a.createDate()));
    if (a.alias() != null) {
      b.setAccountAlias(a.alias());
    }
    return b.build();
  }
}

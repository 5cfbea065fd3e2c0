package dev.lanyard.cli.iam;

import static dev.lanyard.cli.verb.Verb.call;

import dev.lanyard.cli.credentials.EnvironmentScope;
import dev.lanyard.cli.verb.Verb;
import dev.lanyard.cli.verb.VerbCommand;
import dev.lanyard.proto.iam.v1.IamServiceGrpc;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lanyard iam}: the administration API's everyday verbs, named as in the AWS CLI (kebab-case
 * of the action), with options named after the request fields ({@code --user-name}, ...).
 */
@Command(
    name = "iam",
    mixinStandardHelpOptions = true,
    description = "Administer users, groups, roles, policies, keys, MFA, providers and instance profiles (AWS IAM).",
    modelTransformer = IamCommand.Verbs.class)
public final class IamCommand extends EnvironmentScope {

  /** The verbs of {@code lanyard iam}: name, method, help, required fields. */
  public static final List<Verb> VERBS = List.of(
      call("create-user", IamServiceGrpc.getCreateUserMethod(), "Create a user.", "user_name"),
      call("get-user", IamServiceGrpc.getGetUserMethod(), "Show a user; without --user-name, the caller."),
      call("list-users", IamServiceGrpc.getListUsersMethod(), "List the account's users."),
      call("delete-user", IamServiceGrpc.getDeleteUserMethod(),
          "Delete a user (it must have no keys, MFA devices, policies or groups).", "user_name"),
      call("tag-user", IamServiceGrpc.getTagUserMethod(), "Add or replace tags of a user.", "user_name", "tags"),
      call("untag-user", IamServiceGrpc.getUntagUserMethod(), "Remove tags of a user.", "user_name", "tag_keys"),

      call("create-group", IamServiceGrpc.getCreateGroupMethod(), "Create a group.", "group_name"),
      call("get-group", IamServiceGrpc.getGetGroupMethod(), "Show a group and its users.", "group_name"),
      call("list-groups", IamServiceGrpc.getListGroupsMethod(), "List the account's groups."),
      call("delete-group", IamServiceGrpc.getDeleteGroupMethod(), "Delete a group.", "group_name"),
      call("add-user-to-group", IamServiceGrpc.getAddUserToGroupMethod(), "Add a user to a group.",
          "group_name", "user_name"),
      call("remove-user-from-group", IamServiceGrpc.getRemoveUserFromGroupMethod(), "Remove a user from a group.",
          "group_name", "user_name"),

      call("create-role", IamServiceGrpc.getCreateRoleMethod(), "Create a role with a trust policy.",
          "role_name", "assume_role_policy_document"),
      call("get-role", IamServiceGrpc.getGetRoleMethod(), "Show a role.", "role_name"),
      call("list-roles", IamServiceGrpc.getListRolesMethod(), "List the account's roles."),
      call("delete-role", IamServiceGrpc.getDeleteRoleMethod(), "Delete a role.", "role_name"),
      call("update-assume-role-policy", IamServiceGrpc.getUpdateAssumeRolePolicyMethod(),
          "Replace a role's trust policy.", "role_name", "policy_document"),
      call("tag-role", IamServiceGrpc.getTagRoleMethod(), "Add or replace tags of a role.", "role_name", "tags"),
      call("untag-role", IamServiceGrpc.getUntagRoleMethod(), "Remove tags of a role.", "role_name", "tag_keys"),

      call("create-policy", IamServiceGrpc.getCreatePolicyMethod(), "Create a customer managed policy.",
          "policy_name", "policy_document"),
      call("get-policy", IamServiceGrpc.getGetPolicyMethod(), "Show a managed policy.", "policy_arn"),
      call("list-policies", IamServiceGrpc.getListPoliciesMethod(), "List managed policies."),
      call("delete-policy", IamServiceGrpc.getDeletePolicyMethod(), "Delete a managed policy.", "policy_arn"),
      call("create-policy-version", IamServiceGrpc.getCreatePolicyVersionMethod(),
          "Add a version to a managed policy (at most 5).", "policy_arn", "policy_document"),
      call("get-policy-version", IamServiceGrpc.getGetPolicyVersionMethod(), "Show one version of a managed policy.",
          "policy_arn", "version_id"),

      call("attach-user-policy", IamServiceGrpc.getAttachUserPolicyMethod(), "Attach a managed policy to a user.",
          "user_name", "policy_arn"),
      call("attach-group-policy", IamServiceGrpc.getAttachGroupPolicyMethod(), "Attach a managed policy to a group.",
          "group_name", "policy_arn"),
      call("attach-role-policy", IamServiceGrpc.getAttachRolePolicyMethod(), "Attach a managed policy to a role.",
          "role_name", "policy_arn"),
      call("detach-user-policy", IamServiceGrpc.getDetachUserPolicyMethod(), "Detach a managed policy from a user.",
          "user_name", "policy_arn"),
      call("detach-group-policy", IamServiceGrpc.getDetachGroupPolicyMethod(),
          "Detach a managed policy from a group.", "group_name", "policy_arn"),
      call("detach-role-policy", IamServiceGrpc.getDetachRolePolicyMethod(), "Detach a managed policy from a role.",
          "role_name", "policy_arn"),
      call("list-attached-user-policies", IamServiceGrpc.getListAttachedUserPoliciesMethod(),
          "List the managed policies attached to a user.", "user_name"),
      call("list-attached-role-policies", IamServiceGrpc.getListAttachedRolePoliciesMethod(),
          "List the managed policies attached to a role.", "role_name"),

      call("put-user-policy", IamServiceGrpc.getPutUserPolicyMethod(), "Add or replace a user's inline policy.",
          "user_name", "policy_name", "policy_document"),
      call("put-group-policy", IamServiceGrpc.getPutGroupPolicyMethod(), "Add or replace a group's inline policy.",
          "group_name", "policy_name", "policy_document"),
      call("put-role-policy", IamServiceGrpc.getPutRolePolicyMethod(), "Add or replace a role's inline policy.",
          "role_name", "policy_name", "policy_document"),
      call("get-role-policy", IamServiceGrpc.getGetRolePolicyMethod(), "Show a role's inline policy.",
          "role_name", "policy_name"),
      call("delete-role-policy", IamServiceGrpc.getDeleteRolePolicyMethod(), "Delete a role's inline policy.",
          "role_name", "policy_name"),
      call("delete-user-policy", IamServiceGrpc.getDeleteUserPolicyMethod(), "Delete a user's inline policy.",
          "user_name", "policy_name"),

      call("create-access-key", IamServiceGrpc.getCreateAccessKeyMethod(),
          "Create an access key (the secret is shown this once); without --user-name, for the caller."),
      call("list-access-keys", IamServiceGrpc.getListAccessKeysMethod(), "List a user's access keys (no secrets)."),
      call("update-access-key", IamServiceGrpc.getUpdateAccessKeyMethod(), "Set an access key Active or Inactive.",
          "access_key_id", "status"),
      call("delete-access-key", IamServiceGrpc.getDeleteAccessKeyMethod(), "Delete an access key.", "access_key_id"),

      call("create-virtual-mfa-device", IamServiceGrpc.getCreateVirtualMFADeviceMethod(),
          "Create a virtual (TOTP) MFA device; its seed is shown this once.", "virtual_mfa_device_name"),
      call("enable-mfa-device", IamServiceGrpc.getEnableMFADeviceMethod(),
          "Assign an MFA device to a user with two consecutive codes.",
          "user_name", "serial_number", "authentication_code1", "authentication_code2"),
      call("deactivate-mfa-device", IamServiceGrpc.getDeactivateMFADeviceMethod(),
          "Unassign an MFA device from a user.", "user_name", "serial_number"),
      call("list-mfa-devices", IamServiceGrpc.getListMFADevicesMethod(), "List a user's MFA devices."),

      call("create-instance-profile", IamServiceGrpc.getCreateInstanceProfileMethod(), "Create an instance profile.",
          "instance_profile_name"),
      call("get-instance-profile", IamServiceGrpc.getGetInstanceProfileMethod(), "Show an instance profile.",
          "instance_profile_name"),
      call("add-role-to-instance-profile", IamServiceGrpc.getAddRoleToInstanceProfileMethod(),
          "Give an instance profile its role (one role each).", "instance_profile_name", "role_name"),

      call("create-open-id-connect-provider", IamServiceGrpc.getCreateOpenIDConnectProviderMethod(),
          "Register an OIDC identity provider.", "url"),
      call("list-open-id-connect-providers", IamServiceGrpc.getListOpenIDConnectProvidersMethod(),
          "List the registered OIDC providers."),
      call("create-saml-provider", IamServiceGrpc.getCreateSAMLProviderMethod(),
          "Register a SAML 2.0 identity provider from its metadata.", "saml_metadata_document", "name"),
      call("list-saml-providers", IamServiceGrpc.getListSAMLProvidersMethod(), "List the registered SAML providers."),

      call("create-join-token", IamServiceGrpc.getCreateJoinTokenMethod(),
          "Lanyard: a one-time join token with which `lanyard agent` enrols a host into an instance profile.",
          "instance_profile_name").withAlias("instance_profile_name", "--instance-profile"),
      call("list-instances", IamServiceGrpc.getListInstancesMethod(),
          "Lanyard: enrolled instances, with their last refresh."),
      call("revoke-instance", IamServiceGrpc.getRevokeInstanceMethod(),
          "Lanyard: refuse an instance's host key from now on and revoke its credentials.", "instance_id"),
      call("revoke-sessions", IamServiceGrpc.getRevokeSessionsMethod(),
          "Lanyard: refuse every session of a role (--role-name) or user (--user-name) issued before a time."));

  /** Adds {@link #VERBS} as subcommands. */
  public static final class Verbs implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec group) {
      return VerbCommand.addAll(group, VERBS);
    }
  }
}

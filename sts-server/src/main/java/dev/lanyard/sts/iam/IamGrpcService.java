package dev.lanyard.sts.iam;

import dev.lanyard.sts.store.IamArns;

import dev.lanyard.proto.iam.v1.*;
import dev.lanyard.sts.audit.CallRecorder;
import dev.lanyard.sts.authz.AccessEvaluator;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.mfa.MfaCodes;
import dev.lanyard.sts.mfa.Totp;
import dev.lanyard.sts.store.IamStore;
import io.grpc.stub.StreamObserver;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * {@code lanyard.iam.v1.IamService}: AWS IAM administration over gRPC. Thin: each RPC runs its
 * operation (one class per entity group) through {@link IamCalls}, which records the call; every
 * operation validates its input as AWS IAM does, authorises {@code iam:<Action>} on the entity's ARN
 * with the policy engine, writes through the store and refreshes the store version. Errors are
 * thrown as {@code LanyardException}s for the error mapping interceptor.
 */
public final class IamGrpcService extends IamServiceGrpc.IamServiceImplBase {
  private final IamCalls calls;
  private final UserOperations users;
  private final GroupOperations groups;
  private final RoleOperations roles;
  private final PolicyOperations policies;
  private final InlinePolicyOperations inline;
  private final AttachmentOperations attachments;
  private final BoundaryOperations boundaries;
  private final AccessKeyOperations accessKeys;
  private final MfaOperations mfa;
  private final InstanceProfileOperations profiles;
  private final OidcProviderOperations oidc;
  private final SamlProviderOperations saml;
  private final SessionRevocationOperations revocation;
  private final EnrolmentOperations enrolment;
  private final AccountOperations accounts;

  private IamGrpcService(IamStore store, AccessEvaluator evaluator, StoreVersionTracker versions,
      CallRecorder recorder, Clock clock, SecureRandom random) {
    IamAccess access = new IamAccess(evaluator);
    IamTargets targets = new IamTargets(store, access, new IamArns(store.partition()));
    ManagedPolicyRefs refs = new ManagedPolicyRefs(store);
    this.calls = new IamCalls(recorder);
    this.users = new UserOperations(store, targets, refs, versions);
    this.groups = new GroupOperations(store, targets, versions);
    this.roles = new RoleOperations(store, targets, refs, versions);
    this.policies = new PolicyOperations(store, targets, versions);
    this.inline = new InlinePolicyOperations(store, targets, versions);
    this.attachments = new AttachmentOperations(store, targets, refs, versions);
    this.boundaries = new BoundaryOperations(store, targets, refs, versions);
    this.accessKeys = new AccessKeyOperations(store, targets, versions);
    this.mfa = new MfaOperations(store, targets, new MfaCodes(store, Totp.standard(), clock), versions);
    this.profiles = new InstanceProfileOperations(store, targets, versions);
    this.oidc = new OidcProviderOperations(store, targets, versions);
    this.saml = new SamlProviderOperations(store, targets, versions);
    this.revocation = new SessionRevocationOperations(store, targets, versions, clock);
    this.enrolment = new EnrolmentOperations(store, targets, versions, clock, random);
    this.accounts = new AccountOperations(store, access, versions);
  }

  /**
   * The service over {@code store} (whose partition names new ARNs), authorised by
   * {@code evaluator}, refreshing {@code versions} after each write and recording each call with
   * {@code recorder}; {@code clock} and {@code random} drive MFA checks, revocation times and
   * join tokens.
   */
  public static IamGrpcService create(IamStore store, AccessEvaluator evaluator, StoreVersionTracker versions,
      CallRecorder recorder, Clock clock, SecureRandom random) {
    return new IamGrpcService(store, evaluator, versions, recorder, clock, random);
  }

  @Override
  public void createUser(CreateUserRequest request, StreamObserver<CreateUserResponse> responses) {
    calls.unary("CreateUser", request, responses, users::createUser);
  }

  @Override
  public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> responses) {
    calls.unary("GetUser", request, responses, users::getUser);
  }

  @Override
  public void listUsers(ListUsersRequest request, StreamObserver<ListUsersResponse> responses) {
    calls.unary("ListUsers", request, responses, users::listUsers);
  }

  @Override
  public void updateUser(UpdateUserRequest request, StreamObserver<UpdateUserResponse> responses) {
    calls.unary("UpdateUser", request, responses, users::updateUser);
  }

  @Override
  public void deleteUser(DeleteUserRequest request, StreamObserver<DeleteUserResponse> responses) {
    calls.unary("DeleteUser", request, responses, users::deleteUser);
  }

  @Override
  public void tagUser(TagUserRequest request, StreamObserver<TagUserResponse> responses) {
    calls.unary("TagUser", request, responses, users::tagUser);
  }

  @Override
  public void untagUser(UntagUserRequest request, StreamObserver<UntagUserResponse> responses) {
    calls.unary("UntagUser", request, responses, users::untagUser);
  }

  @Override
  public void listUserTags(ListUserTagsRequest request, StreamObserver<ListUserTagsResponse> responses) {
    calls.unary("ListUserTags", request, responses, users::listUserTags);
  }

  @Override
  public void createGroup(CreateGroupRequest request, StreamObserver<CreateGroupResponse> responses) {
    calls.unary("CreateGroup", request, responses, groups::createGroup);
  }

  @Override
  public void getGroup(GetGroupRequest request, StreamObserver<GetGroupResponse> responses) {
    calls.unary("GetGroup", request, responses, groups::getGroup);
  }

  @Override
  public void listGroups(ListGroupsRequest request, StreamObserver<ListGroupsResponse> responses) {
    calls.unary("ListGroups", request, responses, groups::listGroups);
  }

  @Override
  public void deleteGroup(DeleteGroupRequest request, StreamObserver<DeleteGroupResponse> responses) {
    calls.unary("DeleteGroup", request, responses, groups::deleteGroup);
  }

  @Override
  public void addUserToGroup(AddUserToGroupRequest request, StreamObserver<AddUserToGroupResponse> responses) {
    calls.unary("AddUserToGroup", request, responses, groups::addUserToGroup);
  }

  @Override
  public void removeUserFromGroup(RemoveUserFromGroupRequest request, StreamObserver<RemoveUserFromGroupResponse> responses) {
    calls.unary("RemoveUserFromGroup", request, responses, groups::removeUserFromGroup);
  }

  @Override
  public void listGroupsForUser(ListGroupsForUserRequest request, StreamObserver<ListGroupsForUserResponse> responses) {
    calls.unary("ListGroupsForUser", request, responses, groups::listGroupsForUser);
  }

  @Override
  public void createRole(CreateRoleRequest request, StreamObserver<CreateRoleResponse> responses) {
    calls.unary("CreateRole", request, responses, roles::createRole);
  }

  @Override
  public void getRole(GetRoleRequest request, StreamObserver<GetRoleResponse> responses) {
    calls.unary("GetRole", request, responses, roles::getRole);
  }

  @Override
  public void listRoles(ListRolesRequest request, StreamObserver<ListRolesResponse> responses) {
    calls.unary("ListRoles", request, responses, roles::listRoles);
  }

  @Override
  public void updateRole(UpdateRoleRequest request, StreamObserver<UpdateRoleResponse> responses) {
    calls.unary("UpdateRole", request, responses, roles::updateRole);
  }

  @Override
  public void updateAssumeRolePolicy(UpdateAssumeRolePolicyRequest request, StreamObserver<UpdateAssumeRolePolicyResponse> responses) {
    calls.unary("UpdateAssumeRolePolicy", request, responses, roles::updateAssumeRolePolicy);
  }

  @Override
  public void deleteRole(DeleteRoleRequest request, StreamObserver<DeleteRoleResponse> responses) {
    calls.unary("DeleteRole", request, responses, roles::deleteRole);
  }

  @Override
  public void tagRole(TagRoleRequest request, StreamObserver<TagRoleResponse> responses) {
    calls.unary("TagRole", request, responses, roles::tagRole);
  }

  @Override
  public void untagRole(UntagRoleRequest request, StreamObserver<UntagRoleResponse> responses) {
    calls.unary("UntagRole", request, responses, roles::untagRole);
  }

  @Override
  public void listRoleTags(ListRoleTagsRequest request, StreamObserver<ListRoleTagsResponse> responses) {
    calls.unary("ListRoleTags", request, responses, roles::listRoleTags);
  }

  @Override
  public void createPolicy(CreatePolicyRequest request, StreamObserver<CreatePolicyResponse> responses) {
    calls.unary("CreatePolicy", request, responses, policies::createPolicy);
  }

  @Override
  public void getPolicy(GetPolicyRequest request, StreamObserver<GetPolicyResponse> responses) {
    calls.unary("GetPolicy", request, responses, policies::getPolicy);
  }

  @Override
  public void listPolicies(ListPoliciesRequest request, StreamObserver<ListPoliciesResponse> responses) {
    calls.unary("ListPolicies", request, responses, policies::listPolicies);
  }

  @Override
  public void deletePolicy(DeletePolicyRequest request, StreamObserver<DeletePolicyResponse> responses) {
    calls.unary("DeletePolicy", request, responses, policies::deletePolicy);
  }

  @Override
  public void createPolicyVersion(CreatePolicyVersionRequest request, StreamObserver<CreatePolicyVersionResponse> responses) {
    calls.unary("CreatePolicyVersion", request, responses, policies::createPolicyVersion);
  }

  @Override
  public void getPolicyVersion(GetPolicyVersionRequest request, StreamObserver<GetPolicyVersionResponse> responses) {
    calls.unary("GetPolicyVersion", request, responses, policies::getPolicyVersion);
  }

  @Override
  public void listPolicyVersions(ListPolicyVersionsRequest request, StreamObserver<ListPolicyVersionsResponse> responses) {
    calls.unary("ListPolicyVersions", request, responses, policies::listPolicyVersions);
  }

  @Override
  public void deletePolicyVersion(DeletePolicyVersionRequest request, StreamObserver<DeletePolicyVersionResponse> responses) {
    calls.unary("DeletePolicyVersion", request, responses, policies::deletePolicyVersion);
  }

  @Override
  public void setDefaultPolicyVersion(SetDefaultPolicyVersionRequest request, StreamObserver<SetDefaultPolicyVersionResponse> responses) {
    calls.unary("SetDefaultPolicyVersion", request, responses, policies::setDefaultPolicyVersion);
  }

  @Override
  public void putUserPolicy(PutUserPolicyRequest request, StreamObserver<PutUserPolicyResponse> responses) {
    calls.unary("PutUserPolicy", request, responses, inline::putUserPolicy);
  }

  @Override
  public void getUserPolicy(GetUserPolicyRequest request, StreamObserver<GetUserPolicyResponse> responses) {
    calls.unary("GetUserPolicy", request, responses, inline::getUserPolicy);
  }

  @Override
  public void deleteUserPolicy(DeleteUserPolicyRequest request, StreamObserver<DeleteUserPolicyResponse> responses) {
    calls.unary("DeleteUserPolicy", request, responses, inline::deleteUserPolicy);
  }

  @Override
  public void listUserPolicies(ListUserPoliciesRequest request, StreamObserver<ListUserPoliciesResponse> responses) {
    calls.unary("ListUserPolicies", request, responses, inline::listUserPolicies);
  }

  @Override
  public void putGroupPolicy(PutGroupPolicyRequest request, StreamObserver<PutGroupPolicyResponse> responses) {
    calls.unary("PutGroupPolicy", request, responses, inline::putGroupPolicy);
  }

  @Override
  public void getGroupPolicy(GetGroupPolicyRequest request, StreamObserver<GetGroupPolicyResponse> responses) {
    calls.unary("GetGroupPolicy", request, responses, inline::getGroupPolicy);
  }

  @Override
  public void deleteGroupPolicy(DeleteGroupPolicyRequest request, StreamObserver<DeleteGroupPolicyResponse> responses) {
    calls.unary("DeleteGroupPolicy", request, responses, inline::deleteGroupPolicy);
  }

  @Override
  public void listGroupPolicies(ListGroupPoliciesRequest request, StreamObserver<ListGroupPoliciesResponse> responses) {
    calls.unary("ListGroupPolicies", request, responses, inline::listGroupPolicies);
  }

  @Override
  public void putRolePolicy(PutRolePolicyRequest request, StreamObserver<PutRolePolicyResponse> responses) {
    calls.unary("PutRolePolicy", request, responses, inline::putRolePolicy);
  }

  @Override
  public void getRolePolicy(GetRolePolicyRequest request, StreamObserver<GetRolePolicyResponse> responses) {
    calls.unary("GetRolePolicy", request, responses, inline::getRolePolicy);
  }

  @Override
  public void deleteRolePolicy(DeleteRolePolicyRequest request, StreamObserver<DeleteRolePolicyResponse> responses) {
    calls.unary("DeleteRolePolicy", request, responses, inline::deleteRolePolicy);
  }

  @Override
  public void listRolePolicies(ListRolePoliciesRequest request, StreamObserver<ListRolePoliciesResponse> responses) {
    calls.unary("ListRolePolicies", request, responses, inline::listRolePolicies);
  }

  @Override
  public void attachUserPolicy(AttachUserPolicyRequest request, StreamObserver<AttachUserPolicyResponse> responses) {
    calls.unary("AttachUserPolicy", request, responses, attachments::attachUserPolicy);
  }

  @Override
  public void detachUserPolicy(DetachUserPolicyRequest request, StreamObserver<DetachUserPolicyResponse> responses) {
    calls.unary("DetachUserPolicy", request, responses, attachments::detachUserPolicy);
  }

  @Override
  public void attachGroupPolicy(AttachGroupPolicyRequest request, StreamObserver<AttachGroupPolicyResponse> responses) {
    calls.unary("AttachGroupPolicy", request, responses, attachments::attachGroupPolicy);
  }

  @Override
  public void detachGroupPolicy(DetachGroupPolicyRequest request, StreamObserver<DetachGroupPolicyResponse> responses) {
    calls.unary("DetachGroupPolicy", request, responses, attachments::detachGroupPolicy);
  }

  @Override
  public void attachRolePolicy(AttachRolePolicyRequest request, StreamObserver<AttachRolePolicyResponse> responses) {
    calls.unary("AttachRolePolicy", request, responses, attachments::attachRolePolicy);
  }

  @Override
  public void detachRolePolicy(DetachRolePolicyRequest request, StreamObserver<DetachRolePolicyResponse> responses) {
    calls.unary("DetachRolePolicy", request, responses, attachments::detachRolePolicy);
  }

  @Override
  public void listAttachedUserPolicies(ListAttachedUserPoliciesRequest request, StreamObserver<ListAttachedUserPoliciesResponse> responses) {
    calls.unary("ListAttachedUserPolicies", request, responses, attachments::listAttachedUserPolicies);
  }

  @Override
  public void listAttachedGroupPolicies(ListAttachedGroupPoliciesRequest request, StreamObserver<ListAttachedGroupPoliciesResponse> responses) {
    calls.unary("ListAttachedGroupPolicies", request, responses, attachments::listAttachedGroupPolicies);
  }

  @Override
  public void listAttachedRolePolicies(ListAttachedRolePoliciesRequest request, StreamObserver<ListAttachedRolePoliciesResponse> responses) {
    calls.unary("ListAttachedRolePolicies", request, responses, attachments::listAttachedRolePolicies);
  }

  @Override
  public void putUserPermissionsBoundary(PutUserPermissionsBoundaryRequest request, StreamObserver<PutUserPermissionsBoundaryResponse> responses) {
    calls.unary("PutUserPermissionsBoundary", request, responses, boundaries::putUserPermissionsBoundary);
  }

  @Override
  public void deleteUserPermissionsBoundary(DeleteUserPermissionsBoundaryRequest request, StreamObserver<DeleteUserPermissionsBoundaryResponse> responses) {
    calls.unary("DeleteUserPermissionsBoundary", request, responses, boundaries::deleteUserPermissionsBoundary);
  }

  @Override
  public void putRolePermissionsBoundary(PutRolePermissionsBoundaryRequest request, StreamObserver<PutRolePermissionsBoundaryResponse> responses) {
    calls.unary("PutRolePermissionsBoundary", request, responses, boundaries::putRolePermissionsBoundary);
  }

  @Override
  public void deleteRolePermissionsBoundary(DeleteRolePermissionsBoundaryRequest request, StreamObserver<DeleteRolePermissionsBoundaryResponse> responses) {
    calls.unary("DeleteRolePermissionsBoundary", request, responses, boundaries::deleteRolePermissionsBoundary);
  }

  @Override
  public void createAccessKey(CreateAccessKeyRequest request, StreamObserver<CreateAccessKeyResponse> responses) {
    calls.unary("CreateAccessKey", request, responses, accessKeys::createAccessKey);
  }

  @Override
  public void listAccessKeys(ListAccessKeysRequest request, StreamObserver<ListAccessKeysResponse> responses) {
    calls.unary("ListAccessKeys", request, responses, accessKeys::listAccessKeys);
  }

  @Override
  public void updateAccessKey(UpdateAccessKeyRequest request, StreamObserver<UpdateAccessKeyResponse> responses) {
    calls.unary("UpdateAccessKey", request, responses, accessKeys::updateAccessKey);
  }

  @Override
  public void deleteAccessKey(DeleteAccessKeyRequest request, StreamObserver<DeleteAccessKeyResponse> responses) {
    calls.unary("DeleteAccessKey", request, responses, accessKeys::deleteAccessKey);
  }

  @Override
  public void getAccessKeyLastUsed(GetAccessKeyLastUsedRequest request, StreamObserver<GetAccessKeyLastUsedResponse> responses) {
    calls.unary("GetAccessKeyLastUsed", request, responses, accessKeys::getAccessKeyLastUsed);
  }

  @Override
  public void createVirtualMFADevice(CreateVirtualMFADeviceRequest request, StreamObserver<CreateVirtualMFADeviceResponse> responses) {
    calls.unary("CreateVirtualMFADevice", request, responses, mfa::createVirtualMfaDevice);
  }

  @Override
  public void enableMFADevice(EnableMFADeviceRequest request, StreamObserver<EnableMFADeviceResponse> responses) {
    calls.unary("EnableMFADevice", request, responses, mfa::enableMfaDevice);
  }

  @Override
  public void resyncMFADevice(ResyncMFADeviceRequest request, StreamObserver<ResyncMFADeviceResponse> responses) {
    calls.unary("ResyncMFADevice", request, responses, mfa::resyncMfaDevice);
  }

  @Override
  public void deactivateMFADevice(DeactivateMFADeviceRequest request, StreamObserver<DeactivateMFADeviceResponse> responses) {
    calls.unary("DeactivateMFADevice", request, responses, mfa::deactivateMfaDevice);
  }

  @Override
  public void deleteVirtualMFADevice(DeleteVirtualMFADeviceRequest request, StreamObserver<DeleteVirtualMFADeviceResponse> responses) {
    calls.unary("DeleteVirtualMFADevice", request, responses, mfa::deleteVirtualMfaDevice);
  }

  @Override
  public void listMFADevices(ListMFADevicesRequest request, StreamObserver<ListMFADevicesResponse> responses) {
    calls.unary("ListMFADevices", request, responses, mfa::listMfaDevices);
  }

  @Override
  public void listVirtualMFADevices(ListVirtualMFADevicesRequest request, StreamObserver<ListVirtualMFADevicesResponse> responses) {
    calls.unary("ListVirtualMFADevices", request, responses, mfa::listVirtualMfaDevices);
  }

  @Override
  public void createInstanceProfile(CreateInstanceProfileRequest request, StreamObserver<CreateInstanceProfileResponse> responses) {
    calls.unary("CreateInstanceProfile", request, responses, profiles::createInstanceProfile);
  }

  @Override
  public void getInstanceProfile(GetInstanceProfileRequest request, StreamObserver<GetInstanceProfileResponse> responses) {
    calls.unary("GetInstanceProfile", request, responses, profiles::getInstanceProfile);
  }

  @Override
  public void listInstanceProfiles(ListInstanceProfilesRequest request, StreamObserver<ListInstanceProfilesResponse> responses) {
    calls.unary("ListInstanceProfiles", request, responses, profiles::listInstanceProfiles);
  }

  @Override
  public void deleteInstanceProfile(DeleteInstanceProfileRequest request, StreamObserver<DeleteInstanceProfileResponse> responses) {
    calls.unary("DeleteInstanceProfile", request, responses, profiles::deleteInstanceProfile);
  }

  @Override
  public void addRoleToInstanceProfile(AddRoleToInstanceProfileRequest request, StreamObserver<AddRoleToInstanceProfileResponse> responses) {
    calls.unary("AddRoleToInstanceProfile", request, responses, profiles::addRoleToInstanceProfile);
  }

  @Override
  public void removeRoleFromInstanceProfile(RemoveRoleFromInstanceProfileRequest request, StreamObserver<RemoveRoleFromInstanceProfileResponse> responses) {
    calls.unary("RemoveRoleFromInstanceProfile", request, responses, profiles::removeRoleFromInstanceProfile);
  }

  @Override
  public void createOpenIDConnectProvider(CreateOpenIDConnectProviderRequest request, StreamObserver<CreateOpenIDConnectProviderResponse> responses) {
    calls.unary("CreateOpenIDConnectProvider", request, responses, oidc::createOpenIdConnectProvider);
  }

  @Override
  public void getOpenIDConnectProvider(GetOpenIDConnectProviderRequest request, StreamObserver<GetOpenIDConnectProviderResponse> responses) {
    calls.unary("GetOpenIDConnectProvider", request, responses, oidc::getOpenIdConnectProvider);
  }

  @Override
  public void listOpenIDConnectProviders(ListOpenIDConnectProvidersRequest request, StreamObserver<ListOpenIDConnectProvidersResponse> responses) {
    calls.unary("ListOpenIDConnectProviders", request, responses, oidc::listOpenIdConnectProviders);
  }

  @Override
  public void deleteOpenIDConnectProvider(DeleteOpenIDConnectProviderRequest request, StreamObserver<DeleteOpenIDConnectProviderResponse> responses) {
    calls.unary("DeleteOpenIDConnectProvider", request, responses, oidc::deleteOpenIdConnectProvider);
  }

  @Override
  public void addClientIDToOpenIDConnectProvider(AddClientIDToOpenIDConnectProviderRequest request, StreamObserver<AddClientIDToOpenIDConnectProviderResponse> responses) {
    calls.unary("AddClientIDToOpenIDConnectProvider", request, responses, oidc::addClientIdToOpenIdConnectProvider);
  }

  @Override
  public void removeClientIDFromOpenIDConnectProvider(RemoveClientIDFromOpenIDConnectProviderRequest request, StreamObserver<RemoveClientIDFromOpenIDConnectProviderResponse> responses) {
    calls.unary("RemoveClientIDFromOpenIDConnectProvider", request, responses, oidc::removeClientIdFromOpenIdConnectProvider);
  }

  @Override
  public void updateOpenIDConnectProviderThumbprint(UpdateOpenIDConnectProviderThumbprintRequest request, StreamObserver<UpdateOpenIDConnectProviderThumbprintResponse> responses) {
    calls.unary("UpdateOpenIDConnectProviderThumbprint", request, responses, oidc::updateOpenIdConnectProviderThumbprint);
  }

  @Override
  public void tagOpenIDConnectProvider(TagOpenIDConnectProviderRequest request, StreamObserver<TagOpenIDConnectProviderResponse> responses) {
    calls.unary("TagOpenIDConnectProvider", request, responses, oidc::tagOpenIdConnectProvider);
  }

  @Override
  public void untagOpenIDConnectProvider(UntagOpenIDConnectProviderRequest request, StreamObserver<UntagOpenIDConnectProviderResponse> responses) {
    calls.unary("UntagOpenIDConnectProvider", request, responses, oidc::untagOpenIdConnectProvider);
  }

  @Override
  public void createSAMLProvider(CreateSAMLProviderRequest request, StreamObserver<CreateSAMLProviderResponse> responses) {
    calls.unary("CreateSAMLProvider", request, responses, saml::createSamlProvider);
  }

  @Override
  public void updateSAMLProvider(UpdateSAMLProviderRequest request, StreamObserver<UpdateSAMLProviderResponse> responses) {
    calls.unary("UpdateSAMLProvider", request, responses, saml::updateSamlProvider);
  }

  @Override
  public void getSAMLProvider(GetSAMLProviderRequest request, StreamObserver<GetSAMLProviderResponse> responses) {
    calls.unary("GetSAMLProvider", request, responses, saml::getSamlProvider);
  }

  @Override
  public void listSAMLProviders(ListSAMLProvidersRequest request, StreamObserver<ListSAMLProvidersResponse> responses) {
    calls.unary("ListSAMLProviders", request, responses, saml::listSamlProviders);
  }

  @Override
  public void deleteSAMLProvider(DeleteSAMLProviderRequest request, StreamObserver<DeleteSAMLProviderResponse> responses) {
    calls.unary("DeleteSAMLProvider", request, responses, saml::deleteSamlProvider);
  }

  @Override
  public void revokeSessions(RevokeSessionsRequest request, StreamObserver<RevokeSessionsResponse> responses) {
    calls.unary("RevokeSessions", request, responses, revocation::revokeSessions);
  }

  @Override
  public void createJoinToken(CreateJoinTokenRequest request, StreamObserver<CreateJoinTokenResponse> responses) {
    calls.unary("CreateJoinToken", request, responses, enrolment::createJoinToken);
  }

  @Override
  public void listInstances(ListInstancesRequest request, StreamObserver<ListInstancesResponse> responses) {
    calls.unary("ListInstances", request, responses, enrolment::listInstances);
  }

  @Override
  public void revokeInstance(RevokeInstanceRequest request, StreamObserver<RevokeInstanceResponse> responses) {
    calls.unary("RevokeInstance", request, responses, enrolment::revokeInstance);
  }

  @Override
  public void createAccount(CreateAccountRequest request, StreamObserver<CreateAccountResponse> responses) {
    calls.unary("CreateAccount", request, responses, accounts::createAccount);
  }

  @Override
  public void listAccounts(ListAccountsRequest request, StreamObserver<ListAccountsResponse> responses) {
    calls.unary("ListAccounts", request, responses, accounts::listAccounts);
  }
}

package dev.lanyard.sts.iam;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.proto.iam.v1.AccessKey;
import dev.lanyard.proto.iam.v1.CreateAccountRequest;
import dev.lanyard.proto.iam.v1.CreateAccountResponse;
import dev.lanyard.proto.iam.v1.ListAccountsRequest;
import dev.lanyard.proto.iam.v1.ListAccountsResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.model.Account;
import dev.lanyard.sts.store.model.AccessKeySecret;

/**
 * Accounts (Lanyard extension). Only an account root, or a principal allowed {@code iam:CreateAccount}
 * (or {@code iam:ListAccounts}) on {@code *}, may call these. A new account comes with a root access
 * key whose secret is returned once.
 */
final class AccountOperations {
  private final IamStore store;
  private final IamAccess access;
  private final StoreVersionTracker versions;

  AccountOperations(IamStore store, IamAccess access, StoreVersionTracker versions) {
    this.store = store;
    this.access = access;
    this.versions = versions;
  }

  CreateAccountResponse createAccount(Caller caller, CreateAccountRequest r) {
    String id = r.getAccountId().isEmpty() ? null : IamInput.accountId("account_id", r.getAccountId());
    String alias = r.getAccountAlias().isEmpty() ? null : IamInput.accountAlias("account_alias", r.getAccountAlias());
    requireRootOrAllowed(caller, "CreateAccount");
    Account account = id == null ? store.accounts().create(alias) : store.accounts().create(id, alias);
    AccessKeySecret root = store.accessKeys().createForRoot(account.id());
    versions.refresh();
    return CreateAccountResponse.newBuilder().setAccount(IamProtoMapping.account(account))
        .setRootAccessKey(AccessKey.newBuilder().setAccessKeyId(root.key().accessKeyId())
            .setStatus(IamProtoMapping.status(root.key().status()))
            .setSecretAccessKey(root.secretAccessKey().utf8())
            .setCreateDate(IamProtoMapping.time(root.key().createDate())))
        .build();
  }

  ListAccountsResponse listAccounts(Caller caller, ListAccountsRequest r) {
    var page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    requireRootOrAllowed(caller, "ListAccounts");
    Page<Account> accounts = store.accounts().list(page);
    var b = ListAccountsResponse.newBuilder().setIsTruncated(accounts.truncated());
    accounts.items().forEach(a -> b.addAccounts(IamProtoMapping.account(a)));
    if (accounts.truncated()) {
      b.setMarker(accounts.nextMarker());
    }
    return b.build();
  }

  private void requireRootOrAllowed(Caller caller, String action) {
    if (caller.type() != PrincipalType.ACCOUNT_ROOT) {
      access.require(caller, action, "*");
    }
  }
}

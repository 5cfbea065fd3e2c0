package dev.lanyard.sts.store;

import dev.lanyard.sts.store.model.Account;

import java.util.Optional;

/** Accounts: 12-digit ids and aliases (unique across the store). */
public interface AccountStore {
    /** Creates an account with a new random 12-digit id; {@code alias} may be {@code null}. */
    Account create(String alias);

    /** Creates an account with the given id (bootstrap); {@code EntityAlreadyExists} if taken. */
    Account create(String accountId, String alias);

    Optional<Account> get(String accountId);

    Optional<Account> findByAlias(String alias);

    Page<Account> list(PageRequest page);

    /** Sets ({@code alias} non-null) or removes the alias. */
    Account setAlias(String accountId, String alias);

    /**
     * Deletes an account that holds no users, groups, roles, policies, profiles or providers
     * ({@code DeleteConflict} otherwise), together with its root's access keys.
     */
    void delete(String accountId);
}

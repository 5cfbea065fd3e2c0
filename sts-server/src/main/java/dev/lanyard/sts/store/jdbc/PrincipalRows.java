package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.authz.AwsManagedPolicies;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.model.PolicyOwner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds and locks (SELECT ... FOR UPDATE) accounts, users, groups and roles by name inside a write
 * transaction. Locking the parent row serialises concurrent writes to its children, so limit checks
 * (access keys, attachments, tags, versions) cannot be raced past.
 */
final class PrincipalRows {
    private PrincipalRows() {
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static void requireAccount(Connection c, String accountId) throws SQLException {
        if (Sql.one(c, "SELECT id FROM account WHERE id = ?", rs -> rs.getString(1), accountId).isEmpty()) {
            throw SqlFailures.noSuch("account " + accountId);
        }
    }

    static String lockUser(Connection c, String accountId, String userName) throws SQLException {
        return lock(c, "iam_user", accountId, userName, "user");
    }

    static String lockGroup(Connection c, String accountId, String groupName) throws SQLException {
        return lock(c, "iam_group", accountId, groupName, "group");
    }

    static String lockRole(Connection c, String accountId, String roleName) throws SQLException {
        return lock(c, "iam_role", accountId, roleName, "role");
    }

    static String lock(Connection c, PolicyOwner owner) throws SQLException {
        return switch (owner.kind()) {
            case USER -> lockUser(c, owner.accountId(), owner.name());
            case GROUP -> lockGroup(c, owner.accountId(), owner.name());
            case ROLE -> lockRole(c, owner.accountId(), owner.name());
        };
    }

    /** The owner's id without locking, if it exists. */
    static Optional<String> find(Connection c, PolicyOwner owner) throws SQLException {
        return Sql.one(c, "SELECT id FROM " + table(owner) + " WHERE account_id = ? AND name_key = ?",
                rs -> rs.getString(1), owner.accountId(), key(owner.name()));
    }

    /** Bumps the owner's row version (its policies changed). */
    static void touch(Connection c, PolicyOwner owner, String ownerId) throws SQLException {
        Sql.update(c, "UPDATE " + table(owner) + " SET row_version = row_version + 1 WHERE id = ?", ownerId);
    }

    static String table(PolicyOwner owner) {
        return switch (owner.kind()) {
            case USER -> "iam_user";
            case GROUP -> "iam_group";
            case ROLE -> "iam_role";
        };
    }

    static String describe(PolicyOwner owner) {
        return owner.kind().name().toLowerCase(Locale.ROOT) + " " + owner.name() + " in account " + owner.accountId();
    }

    /**
     * A permissions boundary or attachment target: customer managed policies must exist (their id is
     * returned); AWS managed policy ARNs must name a policy the server ships (empty).
     */
    static Optional<String> requirePolicy(Connection c, String policyArn) throws SQLException {
        if (AwsManagedPolicies.isAwsManagedArn(policyArn)) {
            requireAwsManaged(policyArn);
            return Optional.empty();
        }
        Optional<String> id = Sql.one(c, "SELECT id FROM managed_policy WHERE arn = ?", rs -> rs.getString(1), policyArn);
        if (id.isEmpty()) {
            throw SqlFailures.noSuch("policy " + policyArn);
        }
        return id;
    }

    /**
     * An AWS managed policy ARN ({@code arn:PARTITION:iam::aws:policy/[path/]NAME}) whose name is one
     * of the documents the server ships ({@link AwsManagedPolicies}); {@code NoSuchEntity} otherwise.
     */
    static void requireAwsManaged(String policyArn) {
        if (AwsManagedPolicies.document(policyArn).isEmpty()) {
            throw new LanyardException(AwsErrorCode.NoSuchEntity, "Policy " + policyArn
                    + " does not exist or is not attachable. Expected an AWS managed policy such as"
                    + " arn:aws:iam::aws:policy/ReadOnlyAccess, or a customer managed policy of this account.", false);
        }
    }

    private static String lock(Connection c, String table, String accountId, String name, String what) throws SQLException {
        return Sql.one(c, "SELECT id FROM " + table + " WHERE account_id = ? AND name_key = ? FOR UPDATE",
                        rs -> rs.getString(1), accountId, key(name))
                .orElseThrow(() -> SqlFailures.noSuch(what + " " + name + " in account " + accountId));
    }
}

package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.store.AccountStore;
import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.model.Account;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Accounts on JDBC. */
final class JdbcAccountStore implements AccountStore {
    private static final String[] OWNED_TABLES = {"iam_user", "iam_group", "iam_role", "managed_policy",
        "instance_profile", "oidc_provider", "saml_provider", "mfa_device"};

    private final JdbcContext ctx;

    JdbcAccountStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Account create(String alias) {
        return create(ctx.ids().accountId(), alias);
    }

    @Override
    public Account create(String accountId, String alias) {
        IamInput.accountId("accountId", accountId);
        if (alias != null) {
            IamInput.accountAlias("alias", alias);
        }
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            if (Sql.count(c, "SELECT COUNT(*) FROM account WHERE id = ?", accountId) > 0) {
                throw SqlFailures.alreadyExists("account " + accountId);
            }
            requireFreeAlias(c, alias);
            Sql.update(c, "INSERT INTO account (id, alias, create_date) VALUES (?, ?, ?)", accountId, alias, tx.now());
            tx.changed(EntityKind.ACCOUNT, accountId, accountId, alias == null ? accountId : alias, ChangeOp.CREATE);
            return new Account(accountId, alias, tx.now());
        });
    }

    @Override
    public Optional<Account> get(String accountId) {
        return ctx.db().read(c -> Sql.one(c, "SELECT * FROM account WHERE id = ?", JdbcAccountStore::map, accountId));
    }

    @Override
    public Optional<Account> findByAlias(String alias) {
        return ctx.db().read(c -> Sql.one(c, "SELECT * FROM account WHERE alias = ?", JdbcAccountStore::map, alias));
    }

    @Override
    public Page<Account> list(PageRequest page) {
        String after = Paging.after(page);
        return ctx.db().read(c -> Paging.page(Sql.list(c, "SELECT * FROM account WHERE id > ? ORDER BY id" + Paging.fetch(page),
                JdbcAccountStore::map, after), page, Account::id));
    }

    @Override
    public Account setAlias(String accountId, String alias) {
        if (alias != null) {
            IamInput.accountAlias("alias", alias);
        }
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            Account account = Sql.one(c, "SELECT * FROM account WHERE id = ? FOR UPDATE", JdbcAccountStore::map, accountId)
                    .orElseThrow(() -> SqlFailures.noSuch("account " + accountId));
            if (alias != null && !alias.equals(account.alias())) {
                requireFreeAlias(c, alias);
            }
            Sql.update(c, "UPDATE account SET alias = ? WHERE id = ?", alias, accountId);
            tx.changed(EntityKind.ACCOUNT, accountId, accountId, alias == null ? accountId : alias, ChangeOp.UPDATE);
            return new Account(accountId, alias, account.createDate());
        });
    }

    @Override
    public void delete(String accountId) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            if (Sql.one(c, "SELECT id FROM account WHERE id = ? FOR UPDATE", rs -> rs.getString(1), accountId).isEmpty()) {
                throw SqlFailures.noSuch("account " + accountId);
            }
            for (String table : OWNED_TABLES) {
                if (Sql.count(c, "SELECT COUNT(*) FROM " + table + " WHERE account_id = ?", accountId) > 0) {
                    throw SqlFailures.deleteConflict("account " + accountId, "it still holds entities (" + table + ")");
                }
            }
            Sql.update(c, "DELETE FROM access_key WHERE account_id = ? AND user_id IS NULL", accountId);
            Sql.update(c, "DELETE FROM account WHERE id = ?", accountId);
            tx.changed(EntityKind.ACCOUNT, accountId, accountId, accountId, ChangeOp.DELETE);
            return null;
        });
    }

    private static void requireFreeAlias(Connection c, String alias) throws SQLException {
        if (alias != null && Sql.count(c, "SELECT COUNT(*) FROM account WHERE alias = ?", alias) > 0) {
            throw SqlFailures.alreadyExists("account alias " + alias);
        }
    }

    private static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("alias"), Sql.instant(rs, "create_date"));
    }
}

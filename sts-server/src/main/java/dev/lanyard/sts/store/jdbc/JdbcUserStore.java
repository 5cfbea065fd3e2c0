package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.UserStore;
import dev.lanyard.sts.store.model.NewUser;
import dev.lanyard.sts.store.model.Tag;
import dev.lanyard.sts.store.model.User;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** IAM users on JDBC. */
final class JdbcUserStore implements UserStore {
    private final JdbcContext ctx;

    JdbcUserStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public User create(String accountId, NewUser user) {
        IamInput.name("userName", user.name(), 64);
        IamInput.path("path", user.path());
        IamInput.arn("permissionsBoundary", user.permissionsBoundaryArn(), true);
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            PrincipalRows.requireAccount(c, accountId);
            if (Sql.count(c, "SELECT COUNT(*) FROM iam_user WHERE account_id = ? AND name_key = ?",
                    accountId, PrincipalRows.key(user.name())) > 0) {
                throw SqlFailures.alreadyExists("user " + user.name() + " in account " + accountId);
            }
            String id = ctx.ids().uniqueId(IamIds.USER);
            String arn = ctx.arns().user(accountId, user.path(), user.name());
            Sql.update(c, "INSERT INTO iam_user (id, account_id, name, name_key, path, arn, create_date, boundary_arn,"
                            + " revoked_before, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                    id, accountId, user.name(), PrincipalRows.key(user.name()), user.path(), arn, tx.now(), null,
                    Sql.timestamp(null));
            TagRows.put(c, id, true, user.tags());
            if (user.permissionsBoundaryArn() != null) {
                PrincipalRows.requirePolicy(c, user.permissionsBoundaryArn());
                Sql.update(c, "UPDATE iam_user SET boundary_arn = ? WHERE id = ?", user.permissionsBoundaryArn(), id);
            }
            tx.changed(EntityKind.USER, accountId, id, user.name(), ChangeOp.CREATE);
            return byId(c, id).orElseThrow();
        });
    }

    @Override
    public Optional<User> get(String accountId, String userName) {
        return ctx.db().read(c -> one(c, "account_id = ? AND name_key = ?", accountId, PrincipalRows.key(userName)));
    }

    @Override
    public Optional<User> getById(String userId) {
        return ctx.db().read(c -> byId(c, userId));
    }

    @Override
    public Optional<User> getByArn(String arn) {
        return ctx.db().read(c -> one(c, "arn = ?", arn));
    }

    @Override
    public Page<User> list(String accountId, String pathPrefix, PageRequest page) {
        String like = Paging.pathLike(IamInput.pathPrefix("pathPrefix", pathPrefix));
        String after = Paging.after(page);
        return ctx.db().read(c -> {
            List<User> rows = Sql.list(c, "SELECT * FROM iam_user WHERE account_id = ? AND path LIKE ? ESCAPE '!'"
                    + " AND name_key > ? ORDER BY name_key" + Paging.fetch(page), JdbcUserStore::mapWithoutTags,
                    accountId, like, after);
            return Paging.page(withTags(c, rows), page, u -> PrincipalRows.key(u.name()));
        });
    }

    @Override
    public User update(User changed) {
        IamInput.name("newUserName", changed.name(), 64);
        IamInput.path("newPath", changed.path());
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            String arn = ctx.arns().user(changed.accountId(), changed.path(), changed.name());
            int rows;
            try {
                rows = Sql.update(c, "UPDATE iam_user SET name = ?, name_key = ?, path = ?, arn = ?, row_version = row_version + 1"
                                + " WHERE id = ? AND account_id = ? AND row_version = ?",
                        changed.name(), PrincipalRows.key(changed.name()), changed.path(), arn, changed.id(),
                        changed.accountId(), changed.rowVersion());
            } catch (SQLException e) {
                if (SqlFailures.isUniqueViolation(e)) {
                    throw SqlFailures.alreadyExists("user " + changed.name() + " in account " + changed.accountId());
                }
                throw e;
            }
            if (rows == 0) {
                throw byId(c, changed.id()).isPresent()
                        ? SqlFailures.concurrentModification("user " + changed.name())
                        : SqlFailures.noSuch("user " + changed.id());
            }
            tx.changed(EntityKind.USER, changed.accountId(), changed.id(), changed.name(), ChangeOp.UPDATE);
            return byId(c, changed.id()).orElseThrow();
        });
    }

    @Override
    public void delete(String accountId, String userName) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            String id = PrincipalRows.lockUser(c, accountId, userName);
            String what = "user " + userName;
            conflictIf(c, "SELECT COUNT(*) FROM access_key WHERE user_id = ?", id, what, "it has access keys");
            conflictIf(c, "SELECT COUNT(*) FROM group_member WHERE user_id = ?", id, what, "it is a member of groups");
            conflictIf(c, "SELECT COUNT(*) FROM inline_policy WHERE owner_id = ?", id, what, "it has inline policies");
            conflictIf(c, "SELECT COUNT(*) FROM policy_attachment WHERE owner_id = ?", id, what, "it has attached policies");
            conflictIf(c, "SELECT COUNT(*) FROM mfa_device WHERE user_id = ?", id, what, "it has MFA devices");
            TagRows.removeAll(c, id);
            Sql.update(c, "DELETE FROM iam_user WHERE id = ?", id);
            tx.changed(EntityKind.USER, accountId, id, userName, ChangeOp.DELETE);
            return null;
        });
    }

    @Override
    public User setPermissionsBoundary(String accountId, String userName, String policyArn) {
        IamInput.arn("permissionsBoundary", policyArn, true);
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            String id = PrincipalRows.lockUser(c, accountId, userName);
            if (policyArn != null) {
                PrincipalRows.requirePolicy(c, policyArn);
            }
            Sql.update(c, "UPDATE iam_user SET boundary_arn = ?, row_version = row_version + 1 WHERE id = ?", policyArn, id);
            tx.changed(EntityKind.USER, accountId, id, userName, ChangeOp.UPDATE);
            return byId(c, id).orElseThrow();
        });
    }

    @Override
    public User revokeSessions(String accountId, String userName, Instant before) {
        IamInput.require("before", before);
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            String id = PrincipalRows.lockUser(c, accountId, userName);
            Sql.update(c, "UPDATE iam_user SET revoked_before = ?, row_version = row_version + 1"
                    + " WHERE id = ? AND (revoked_before IS NULL OR revoked_before < ?)", before, id, before);
            tx.changed(EntityKind.USER, accountId, id, userName, ChangeOp.UPDATE);
            return byId(c, id).orElseThrow();
        });
    }

    @Override
    public void tag(String accountId, String userName, List<Tag> tags) {
        ctx.db().write(tx -> {
            String id = PrincipalRows.lockUser(tx.connection(), accountId, userName);
            TagRows.put(tx.connection(), id, true, tags);
            touch(tx, accountId, id, userName);
            return null;
        });
    }

    @Override
    public void untag(String accountId, String userName, List<String> tagKeys) {
        ctx.db().write(tx -> {
            String id = PrincipalRows.lockUser(tx.connection(), accountId, userName);
            TagRows.remove(tx.connection(), id, true, tagKeys);
            touch(tx, accountId, id, userName);
            return null;
        });
    }

    private static void touch(WriteTx tx, String accountId, String id, String name) throws SQLException {
        Sql.update(tx.connection(), "UPDATE iam_user SET row_version = row_version + 1 WHERE id = ?", id);
        tx.changed(EntityKind.USER, accountId, id, name, ChangeOp.UPDATE);
    }

    static void conflictIf(Connection c, String countSql, String id, String what, String reason) throws SQLException {
        if (Sql.count(c, countSql, id) > 0) {
            throw SqlFailures.deleteConflict(what, reason);
        }
    }

    static Optional<User> byId(Connection c, String id) throws SQLException {
        return one(c, "id = ?", id);
    }

    private static Optional<User> one(Connection c, String where, Object... args) throws SQLException {
        Optional<User> row = Sql.one(c, "SELECT * FROM iam_user WHERE " + where, JdbcUserStore::mapWithoutTags, args);
        if (row.isEmpty()) {
            return row;
        }
        return Optional.of(withTags(row.get(), TagRows.read(c, row.get().id())));
    }

    /** The given users with their tags (one query). */
    static List<User> withTags(Connection c, List<User> users) throws SQLException {
        Map<String, List<Tag>> tags = TagRows.readAll(c, users.stream().map(User::id).toList());
        return users.stream().map(u -> withTags(u, tags.getOrDefault(u.id(), List.of()))).toList();
    }

    private static User withTags(User u, List<Tag> tags) {
        return new User(u.accountId(), u.id(), u.name(), u.path(), u.arn(), u.createDate(), tags,
                u.permissionsBoundaryArn(), u.tokensRevokedBefore(), u.rowVersion());
    }

    static User mapWithoutTags(ResultSet rs) throws SQLException {
        return new User(rs.getString("account_id"), rs.getString("id"), rs.getString("name"), rs.getString("path"),
                rs.getString("arn"), Sql.instant(rs, "create_date"), List.of(), rs.getString("boundary_arn"),
                Sql.instant(rs, "revoked_before"), rs.getLong("row_version"));
    }
}

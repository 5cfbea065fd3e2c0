package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.GroupStore;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.IamLimits;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.model.Group;
import dev.lanyard.sts.store.model.NewGroup;
import dev.lanyard.sts.store.model.User;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** IAM groups and membership on JDBC. */
final class JdbcGroupStore implements GroupStore {
    private final JdbcContext ctx;

    JdbcGroupStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Group create(String accountId, NewGroup group) {
        IamInput.name("groupName", group.name(), 128);
        IamInput.path("path", group.path());
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            PrincipalRows.requireAccount(c, accountId);
            if (Sql.count(c, "SELECT COUNT(*) FROM iam_group WHERE account_id = ? AND name_key = ?",
                    accountId, PrincipalRows.key(group.name())) > 0) {
                throw SqlFailures.alreadyExists("group " + group.name() + " in account " + accountId);
            }
            String id = ctx.ids().uniqueId(IamIds.GROUP);
            Sql.update(c, "INSERT INTO iam_group (id, account_id, name, name_key, path, arn, create_date, row_version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, 1)", id, accountId, group.name(), PrincipalRows.key(group.name()),
                    group.path(), ctx.arns().group(accountId, group.path(), group.name()), tx.now());
            tx.changed(EntityKind.GROUP, accountId, id, group.name(), ChangeOp.CREATE);
            return byId(c, id).orElseThrow();
        });
    }

    @Override
    public Optional<Group> get(String accountId, String groupName) {
        return ctx.db().read(c -> Sql.one(c, "SELECT * FROM iam_group WHERE account_id = ? AND name_key = ?",
                JdbcGroupStore::map, accountId, PrincipalRows.key(groupName)));
    }

    @Override
    public Optional<Group> getById(String groupId) {
        return ctx.db().read(c -> byId(c, groupId));
    }

    @Override
    public Optional<Group> getByArn(String arn) {
        return ctx.db().read(c -> Sql.one(c, "SELECT * FROM iam_group WHERE arn = ?", JdbcGroupStore::map, arn));
    }

    @Override
    public Page<Group> list(String accountId, String pathPrefix, PageRequest page) {
        String like = Paging.pathLike(IamInput.pathPrefix("pathPrefix", pathPrefix));
        String after = Paging.after(page);
        return ctx.db().read(c -> Paging.page(Sql.list(c, "SELECT * FROM iam_group WHERE account_id = ?"
                        + " AND path LIKE ? ESCAPE '!' AND name_key > ? ORDER BY name_key" + Paging.fetch(page),
                JdbcGroupStore::map, accountId, like, after), page, g -> PrincipalRows.key(g.name())));
    }

    @Override
    public Group update(Group changed) {
        IamInput.name("newGroupName", changed.name(), 128);
        IamInput.path("newPath", changed.path());
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            int rows;
            try {
                rows = Sql.update(c, "UPDATE iam_group SET name = ?, name_key = ?, path = ?, arn = ?, row_version = row_version + 1"
                                + " WHERE id = ? AND account_id = ? AND row_version = ?",
                        changed.name(), PrincipalRows.key(changed.name()), changed.path(),
                        ctx.arns().group(changed.accountId(), changed.path(), changed.name()), changed.id(),
                        changed.accountId(), changed.rowVersion());
            } catch (SQLException e) {
                if (SqlFailures.isUniqueViolation(e)) {
                    throw SqlFailures.alreadyExists("group " + changed.name() + " in account " + changed.accountId());
                }
                throw e;
            }
            if (rows == 0) {
                throw byId(c, changed.id()).isPresent()
                        ? SqlFailures.concurrentModification("group " + changed.name())
                        : SqlFailures.noSuch("group " + changed.id());
            }
            tx.changed(EntityKind.GROUP, changed.accountId(), changed.id(), changed.name(), ChangeOp.UPDATE);
            return byId(c, changed.id()).orElseThrow();
        });
    }

    @Override
    public void delete(String accountId, String groupName) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            String id = PrincipalRows.lockGroup(c, accountId, groupName);
            String what = "group " + groupName;
            JdbcUserStore.conflictIf(c, "SELECT COUNT(*) FROM group_member WHERE group_id = ?", id, what, "it has members");
            JdbcUserStore.conflictIf(c, "SELECT COUNT(*) FROM inline_policy WHERE owner_id = ?", id, what, "it has inline policies");
            JdbcUserStore.conflictIf(c, "SELECT COUNT(*) FROM policy_attachment WHERE owner_id = ?", id, what, "it has attached policies");
            Sql.update(c, "DELETE FROM iam_group WHERE id = ?", id);
            tx.changed(EntityKind.GROUP, accountId, id, groupName, ChangeOp.DELETE);
            return null;
        });
    }

    @Override
    public void addUser(String accountId, String groupName, String userName) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            String userId = PrincipalRows.lockUser(c, accountId, userName);
            String groupId = PrincipalRows.lockGroup(c, accountId, groupName);
            if (Sql.count(c, "SELECT COUNT(*) FROM group_member WHERE group_id = ? AND user_id = ?", groupId, userId) > 0) {
                return null;
            }
            long groups = Sql.count(c, "SELECT COUNT(*) FROM group_member WHERE user_id = ?", userId);
            if (groups >= IamLimits.GROUPS_PER_USER) {
                throw IamInput.limit("user " + userName + " is already in " + groups
                        + " groups; a user can be in at most " + IamLimits.GROUPS_PER_USER);
            }
            Sql.update(c, "INSERT INTO group_member (group_id, user_id) VALUES (?, ?)", groupId, userId);
            Sql.update(c, "UPDATE iam_user SET row_version = row_version + 1 WHERE id = ?", userId);
            tx.changed(EntityKind.USER, accountId, userId, userName, ChangeOp.UPDATE);
            return null;
        });
    }

    @Override
    public void removeUser(String accountId, String groupName, String userName) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            String userId = PrincipalRows.lockUser(c, accountId, userName);
            String groupId = PrincipalRows.lockGroup(c, accountId, groupName);
            if (Sql.update(c, "DELETE FROM group_member WHERE group_id = ? AND user_id = ?", groupId, userId) == 0) {
                throw SqlFailures.noSuch("user " + userName + " in group " + groupName);
            }
            Sql.update(c, "UPDATE iam_user SET row_version = row_version + 1 WHERE id = ?", userId);
            tx.changed(EntityKind.USER, accountId, userId, userName, ChangeOp.UPDATE);
            return null;
        });
    }

    @Override
    public Page<User> members(String accountId, String groupName, PageRequest page) {
        String after = Paging.after(page);
        return ctx.db().read(c -> {
            String groupId = Sql.one(c, "SELECT id FROM iam_group WHERE account_id = ? AND name_key = ?",
                            rs -> rs.getString(1), accountId, PrincipalRows.key(groupName))
                    .orElseThrow(() -> SqlFailures.noSuch("group " + groupName + " in account " + accountId));
            List<User> rows = Sql.list(c, "SELECT u.* FROM iam_user u JOIN group_member m ON m.user_id = u.id"
                            + " WHERE m.group_id = ? AND u.name_key > ? ORDER BY u.name_key" + Paging.fetch(page),
                    JdbcUserStore::mapWithoutTags, groupId, after);
            return Paging.page(JdbcUserStore.withTags(c, rows), page, u -> PrincipalRows.key(u.name()));
        });
    }

    @Override
    public Page<Group> groupsForUser(String accountId, String userName, PageRequest page) {
        String after = Paging.after(page);
        return ctx.db().read(c -> {
            String userId = Sql.one(c, "SELECT id FROM iam_user WHERE account_id = ? AND name_key = ?",
                            rs -> rs.getString(1), accountId, PrincipalRows.key(userName))
                    .orElseThrow(() -> SqlFailures.noSuch("user " + userName + " in account " + accountId));
            return Paging.page(Sql.list(c, "SELECT g.* FROM iam_group g JOIN group_member m ON m.group_id = g.id"
                            + " WHERE m.user_id = ? AND g.name_key > ? ORDER BY g.name_key" + Paging.fetch(page),
                    JdbcGroupStore::map, userId, after), page, g -> PrincipalRows.key(g.name()));
        });
    }

    static Optional<Group> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT * FROM iam_group WHERE id = ?", JdbcGroupStore::map, id);
    }

    static Group map(ResultSet rs) throws SQLException {
        return new Group(rs.getString("account_id"), rs.getString("id"), rs.getString("name"), rs.getString("path"),
                rs.getString("arn"), Sql.instant(rs, "create_date"), rs.getLong("row_version"));
    }
}

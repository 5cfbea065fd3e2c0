package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.IamLimits;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.RoleStore;
import dev.lanyard.sts.store.model.NewRole;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.store.model.Tag;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** IAM roles on JDBC. */
final class JdbcRoleStore implements RoleStore {
    private final JdbcContext ctx;

    JdbcRoleStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Role create(String accountId, NewRole role) {
        IamInput.name("roleName", role.name(), 64);
        IamInput.path("path", role.path());
        trustPolicy(role.trustPolicy());
        IamInput.description("description", role.description(), 1000);
        IamInput.maxSessionDuration("maxSessionDuration", role.maxSessionDuration());
        IamInput.arn("permissionsBoundary", role.permissionsBoundaryArn(), true);
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            PrincipalRows.requireAccount(c, accountId);
            if (Sql.count(c, "SELECT COUNT(*) FROM iam_role WHERE account_id = ? AND name_key = ?",
                    accountId, PrincipalRows.key(role.name())) > 0) {
                throw SqlFailures.alreadyExists("role " + role.name() + " in account " + accountId);
            }
            String id = ctx.ids().uniqueId(IamIds.ROLE);
            Sql.update(c, "INSERT INTO iam_role (id, account_id, name, name_key, path, arn, create_date, trust_policy,"
                            + " description, max_session_duration, boundary_arn, revoked_before, row_version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                    id, accountId, role.name(), PrincipalRows.key(role.name()), role.path(),
                    ctx.arns().role(accountId, role.path(), role.name()), tx.now(), role.trustPolicy(), role.description(),
                    role.maxSessionDuration(), null, Sql.timestamp(null));
            TagRows.put(c, id, true, role.tags());
            if (role.permissionsBoundaryArn() != null) {
                PrincipalRows.requirePolicy(c, role.permissionsBoundaryArn());
                Sql.update(c, "UPDATE iam_role SET boundary_arn = ? WHERE id = ?", role.permissionsBoundaryArn(), id);
            }
            tx.changed(EntityKind.ROLE, accountId, id, role.name(), ChangeOp.CREATE);
            return byId(c, id).orElseThrow();
        });
    }

    @Override
    public Optional<Role> get(String accountId, String roleName) {
        return ctx.db().read(c -> one(c, "account_id = ? AND name_key = ?", accountId, PrincipalRows.key(roleName)));
    }

    @Override
    public Optional<Role> getById(String roleId) {
        return ctx.db().read(c -> byId(c, roleId));
    }

    @Override
    public Optional<Role> getByArn(String arn) {
        return ctx.db().read(c -> one(c, "arn = ?", arn));
    }

    @Override
    public Page<Role> list(String accountId, String pathPrefix, PageRequest page) {
        String like = Paging.pathLike(IamInput.pathPrefix("pathPrefix", pathPrefix));
        String after = Paging.after(page);
        return ctx.db().read(c -> {
            List<Role> rows = Sql.list(c, "SELECT * FROM iam_role WHERE account_id = ? AND path LIKE ? ESCAPE '!'"
                    + " AND name_key > ? ORDER BY name_key" + Paging.fetch(page), JdbcRoleStore::mapWithoutTags,
                    accountId, like, after);
            Map<String, List<Tag>> tags = TagRows.readAll(c, rows.stream().map(Role::id).toList());
            List<Role> withTags = rows.stream().map(r -> withTags(r, tags.getOrDefault(r.id(), List.of()))).toList();
            return Paging.page(withTags, page, r -> PrincipalRows.key(r.name()));
        });
    }

    @Override
    public Role update(Role changed) {
        trustPolicy(changed.trustPolicy());
        IamInput.description("description", changed.description(), 1000);
        IamInput.maxSessionDuration("maxSessionDuration", changed.maxSessionDuration());
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            int rows = Sql.update(c, "UPDATE iam_role SET trust_policy = ?, description = ?, max_session_duration = ?,"
                            + " row_version = row_version + 1 WHERE id = ? AND account_id = ? AND row_version = ?",
                    changed.trustPolicy(), changed.description(), changed.maxSessionDuration(), changed.id(),
                    changed.accountId(), changed.rowVersion());
            if (rows == 0) {
                throw byId(c, changed.id()).isPresent()
                        ? SqlFailures.concurrentModification("role " + changed.name())
                        : SqlFailures.noSuch("role " + changed.name() + " in account " + changed.accountId());
            }
            tx.changed(EntityKind.ROLE, changed.accountId(), changed.id(), changed.name(), ChangeOp.UPDATE);
            return byId(c, changed.id()).orElseThrow();
        });
    }

    @Override
    public void delete(String accountId, String roleName) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            String id = PrincipalRows.lockRole(c, accountId, roleName);
            String what = "role " + roleName;
            JdbcUserStore.conflictIf(c, "SELECT COUNT(*) FROM instance_profile WHERE role_id = ?", id, what,
                    "it is in an instance profile");
            JdbcUserStore.conflictIf(c, "SELECT COUNT(*) FROM inline_policy WHERE owner_id = ?", id, what, "it has inline policies");
            JdbcUserStore.conflictIf(c, "SELECT COUNT(*) FROM policy_attachment WHERE owner_id = ?", id, what, "it has attached policies");
            TagRows.removeAll(c, id);
            Sql.update(c, "DELETE FROM iam_role WHERE id = ?", id);
            tx.changed(EntityKind.ROLE, accountId, id, roleName, ChangeOp.DELETE);
            return null;
        });
    }

    @Override
    public Role setPermissionsBoundary(String accountId, String roleName, String policyArn) {
        IamInput.arn("permissionsBoundary", policyArn, true);
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            String id = PrincipalRows.lockRole(c, accountId, roleName);
            if (policyArn != null) {
                PrincipalRows.requirePolicy(c, policyArn);
            }
            Sql.update(c, "UPDATE iam_role SET boundary_arn = ?, row_version = row_version + 1 WHERE id = ?", policyArn, id);
            tx.changed(EntityKind.ROLE, accountId, id, roleName, ChangeOp.UPDATE);
            return byId(c, id).orElseThrow();
        });
    }

    @Override
    public Role revokeSessions(String accountId, String roleName, Instant before) {
        IamInput.require("before", before);
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            String id = PrincipalRows.lockRole(c, accountId, roleName);
            Sql.update(c, "UPDATE iam_role SET revoked_before = ?, row_version = row_version + 1"
                    + " WHERE id = ? AND (revoked_before IS NULL OR revoked_before < ?)", before, id, before);
            tx.changed(EntityKind.ROLE, accountId, id, roleName, ChangeOp.UPDATE);
            return byId(c, id).orElseThrow();
        });
    }

    @Override
    public void tag(String accountId, String roleName, List<Tag> tags) {
        ctx.db().write(tx -> {
            String id = PrincipalRows.lockRole(tx.connection(), accountId, roleName);
            TagRows.put(tx.connection(), id, true, tags);
            touch(tx, accountId, id, roleName);
            return null;
        });
    }

    @Override
    public void untag(String accountId, String roleName, List<String> tagKeys) {
        ctx.db().write(tx -> {
            String id = PrincipalRows.lockRole(tx.connection(), accountId, roleName);
            TagRows.remove(tx.connection(), id, true, tagKeys);
            touch(tx, accountId, id, roleName);
            return null;
        });
    }

    private static void trustPolicy(String document) {
        IamInput.document("assumeRolePolicyDocument", document);
        int size = IamLimits.policySize(document);
        if (size > IamLimits.TRUST_POLICY_SIZE) {
            throw IamInput.limit("assumeRolePolicyDocument has " + size + " characters without white space; at most "
                    + IamLimits.TRUST_POLICY_SIZE + " are allowed");
        }
    }

    private static void touch(WriteTx tx, String accountId, String id, String name) throws SQLException {
        Sql.update(tx.connection(), "UPDATE iam_role SET row_version = row_version + 1 WHERE id = ?", id);
        tx.changed(EntityKind.ROLE, accountId, id, name, ChangeOp.UPDATE);
    }

    static Optional<Role> byId(Connection c, String id) throws SQLException {
        return one(c, "id = ?", id);
    }

    private static Optional<Role> one(Connection c, String where, Object... args) throws SQLException {
        Optional<Role> row = Sql.one(c, "SELECT * FROM iam_role WHERE " + where, JdbcRoleStore::mapWithoutTags, args);
        if (row.isEmpty()) {
            return row;
        }
        return Optional.of(withTags(row.get(), TagRows.read(c, row.get().id())));
    }

    private static Role withTags(Role r, List<Tag> tags) {
        return new Role(r.accountId(), r.id(), r.name(), r.path(), r.arn(), r.createDate(), r.trustPolicy(),
                r.description(), r.maxSessionDuration(), tags, r.permissionsBoundaryArn(), r.tokensRevokedBefore(),
                r.rowVersion());
    }

    private static Role mapWithoutTags(ResultSet rs) throws SQLException {
        return new Role(rs.getString("account_id"), rs.getString("id"), rs.getString("name"), rs.getString("path"),
                rs.getString("arn"), Sql.instant(rs, "create_date"), rs.getString("trust_policy"),
                rs.getString("description"), rs.getInt("max_session_duration"), List.of(), rs.getString("boundary_arn"),
                Sql.instant(rs, "revoked_before"), rs.getLong("row_version"));
    }
}

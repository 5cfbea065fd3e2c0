package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.IamLimits;
import dev.lanyard.sts.store.InstanceProfileStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.model.InstanceProfile;
import dev.lanyard.sts.store.model.NewInstanceProfile;
import dev.lanyard.sts.store.model.Tag;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Instance profiles on JDBC. */
final class JdbcInstanceProfileStore implements InstanceProfileStore {
    private static final String SELECT = "SELECT p.*, r.name AS role_name, r.arn AS role_arn FROM instance_profile p"
            + " LEFT JOIN iam_role r ON r.id = p.role_id";

    private final JdbcContext ctx;

    JdbcInstanceProfileStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public InstanceProfile create(String accountId, NewInstanceProfile profile) {
        IamInput.name("instanceProfileName", profile.name(), 128);
        IamInput.path("path", profile.path());
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            PrincipalRows.requireAccount(c, accountId);
            if (Sql.count(c, "SELECT COUNT(*) FROM instance_profile WHERE account_id = ? AND name_key = ?",
                    accountId, PrincipalRows.key(profile.name())) > 0) {
                throw SqlFailures.alreadyExists("instance profile " + profile.name() + " in account " + accountId);
            }
            String id = ctx.ids().uniqueId(IamIds.INSTANCE_PROFILE);
            Sql.update(c, "INSERT INTO instance_profile (id, account_id, name, name_key, path, arn, create_date, role_id,"
                            + " row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)", id, accountId, profile.name(),
                    PrincipalRows.key(profile.name()), profile.path(),
                    ctx.arns().instanceProfile(accountId, profile.path(), profile.name()), tx.now(), null);
            TagRows.put(c, id, false, profile.tags());
            tx.changed(EntityKind.INSTANCE_PROFILE, accountId, id, profile.name(), ChangeOp.CREATE);
            return one(c, "p.id = ?", id).orElseThrow();
        });
    }

    @Override
    public Optional<InstanceProfile> get(String accountId, String profileName) {
        return ctx.db().read(c -> one(c, "p.account_id = ? AND p.name_key = ?", accountId, PrincipalRows.key(profileName)));
    }

    @Override
    public Optional<InstanceProfile> getByArn(String arn) {
        return ctx.db().read(c -> one(c, "p.arn = ?", arn));
    }

    /** By unique id (AIPA...). */
    Optional<InstanceProfile> getById(String id) {
        return ctx.db().read(c -> one(c, "p.id = ?", id));
    }

    @Override
    public Page<InstanceProfile> list(String accountId, String pathPrefix, PageRequest page) {
        String like = Paging.pathLike(IamInput.pathPrefix("pathPrefix", pathPrefix));
        String after = Paging.after(page);
        return ctx.db().read(c -> {
            List<InstanceProfile> rows = Sql.list(c, SELECT + " WHERE p.account_id = ? AND p.path LIKE ? ESCAPE '!'"
                    + " AND p.name_key > ? ORDER BY p.name_key" + Paging.fetch(page), JdbcInstanceProfileStore::mapWithoutTags,
                    accountId, like, after);
            return Paging.page(withTags(c, rows), page, p -> PrincipalRows.key(p.name()));
        });
    }

    @Override
    public List<InstanceProfile> listForRole(String accountId, String roleName) {
        return ctx.db().read(c -> {
            String roleId = Sql.one(c, "SELECT id FROM iam_role WHERE account_id = ? AND name_key = ?", rs -> rs.getString(1),
                    accountId, PrincipalRows.key(roleName)).orElseThrow(() -> SqlFailures.noSuch("role " + roleName
                    + " in account " + accountId));
            return withTags(c, Sql.list(c, SELECT + " WHERE p.role_id = ? ORDER BY p.name_key",
                    JdbcInstanceProfileStore::mapWithoutTags, roleId));
        });
    }

    @Override
    public void delete(String accountId, String profileName) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            InstanceProfile profile = lock(c, accountId, profileName);
            String what = "instance profile " + profileName;
            if (profile.roleName() != null) {
                throw SqlFailures.deleteConflict(what, "it holds role " + profile.roleName() + "; remove the role first");
            }
            JdbcUserStore.conflictIf(c, "SELECT COUNT(*) FROM host_instance WHERE instance_profile_id = ?", profile.id(),
                    what, "hosts are enrolled with it");
            Sql.update(c, "DELETE FROM join_token WHERE instance_profile_id = ?", profile.id());
            TagRows.removeAll(c, profile.id());
            Sql.update(c, "DELETE FROM instance_profile WHERE id = ?", profile.id());
            tx.changed(EntityKind.INSTANCE_PROFILE, accountId, profile.id(), profile.name(), ChangeOp.DELETE);
            return null;
        });
    }

    @Override
    public InstanceProfile addRole(String accountId, String profileName, String roleName) {
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            InstanceProfile profile = lock(c, accountId, profileName);
            String roleId = PrincipalRows.lockRole(c, accountId, roleName);
            if (profile.roleName() != null) {
                throw IamInput.limit("instance profile " + profileName + " already holds role " + profile.roleName()
                        + "; an instance profile can hold at most " + IamLimits.ROLES_PER_INSTANCE_PROFILE + " role");
            }
            Sql.update(c, "UPDATE instance_profile SET role_id = ?, row_version = row_version + 1 WHERE id = ?", roleId, profile.id());
            tx.changed(EntityKind.INSTANCE_PROFILE, accountId, profile.id(), profile.name(), ChangeOp.UPDATE);
            return one(c, "p.id = ?", profile.id()).orElseThrow();
        });
    }

    @Override
    public InstanceProfile removeRole(String accountId, String profileName, String roleName) {
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            InstanceProfile profile = lock(c, accountId, profileName);
            if (profile.roleName() == null || !PrincipalRows.key(profile.roleName()).equals(PrincipalRows.key(roleName))) {
                throw SqlFailures.noSuch("role " + roleName + " in instance profile " + profileName);
            }
            Sql.update(c, "UPDATE instance_profile SET role_id = NULL, row_version = row_version + 1 WHERE id = ?", profile.id());
            tx.changed(EntityKind.INSTANCE_PROFILE, accountId, profile.id(), profile.name(), ChangeOp.UPDATE);
            return one(c, "p.id = ?", profile.id()).orElseThrow();
        });
    }

    @Override
    public void tag(String accountId, String profileName, List<Tag> tags) {
        ctx.db().write(tx -> {
            InstanceProfile profile = lock(tx.connection(), accountId, profileName);
            TagRows.put(tx.connection(), profile.id(), false, tags);
            touch(tx, profile);
            return null;
        });
    }

    @Override
    public void untag(String accountId, String profileName, List<String> tagKeys) {
        ctx.db().write(tx -> {
            InstanceProfile profile = lock(tx.connection(), accountId, profileName);
            TagRows.remove(tx.connection(), profile.id(), false, tagKeys);
            touch(tx, profile);
            return null;
        });
    }

    private static void touch(WriteTx tx, InstanceProfile profile) throws SQLException {
        Sql.update(tx.connection(), "UPDATE instance_profile SET row_version = row_version + 1 WHERE id = ?", profile.id());
        tx.changed(EntityKind.INSTANCE_PROFILE, profile.accountId(), profile.id(), profile.name(), ChangeOp.UPDATE);
    }

    /** Locks the profile row and reads it. */
    static InstanceProfile lock(Connection c, String accountId, String profileName) throws SQLException {
        if (Sql.one(c, "SELECT id FROM instance_profile WHERE account_id = ? AND name_key = ? FOR UPDATE",
                rs -> rs.getString(1), accountId, PrincipalRows.key(profileName)).isEmpty()) {
            throw SqlFailures.noSuch("instance profile " + profileName + " in account " + accountId);
        }
        return one(c, "p.account_id = ? AND p.name_key = ?", accountId, PrincipalRows.key(profileName)).orElseThrow();
    }

    private static Optional<InstanceProfile> one(Connection c, String where, Object... args) throws SQLException {
        List<InstanceProfile> rows = Sql.list(c, SELECT + " WHERE " + where, JdbcInstanceProfileStore::mapWithoutTags, args);
        return withTags(c, rows).stream().findFirst();
    }

    private static List<InstanceProfile> withTags(Connection c, List<InstanceProfile> rows) throws SQLException {
        Map<String, List<Tag>> tags = TagRows.readAll(c, rows.stream().map(InstanceProfile::id).toList());
        return rows.stream().map(p -> new InstanceProfile(p.accountId(), p.id(), p.name(), p.path(), p.arn(), p.createDate(),
                p.roleName(), p.roleArn(), tags.getOrDefault(p.id(), List.of()))).toList();
    }

    private static InstanceProfile mapWithoutTags(ResultSet rs) throws SQLException {
        return new InstanceProfile(rs.getString("account_id"), rs.getString("id"), rs.getString("name"), rs.getString("path"),
                rs.getString("arn"), Sql.instant(rs, "create_date"), rs.getString("role_name"), rs.getString("role_arn"),
                List.of());
    }
}

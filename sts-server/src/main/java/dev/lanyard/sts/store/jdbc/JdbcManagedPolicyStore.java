package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.IamLimits;
import dev.lanyard.sts.store.ManagedPolicyStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.model.ManagedPolicy;
import dev.lanyard.sts.store.model.ManagedPolicyVersion;
import dev.lanyard.sts.store.model.NewManagedPolicy;
import dev.lanyard.sts.store.model.PolicyOwner;
import dev.lanyard.sts.store.model.PolicyOwnerKind;
import dev.lanyard.sts.store.model.Tag;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Customer managed policies and versions on JDBC. Attachment and boundary counts are derived, never stored. */
final class JdbcManagedPolicyStore implements ManagedPolicyStore {
    private static final String SELECT = "SELECT p.*,"
            + " (SELECT COUNT(*) FROM policy_attachment a WHERE a.policy_id = p.id) AS attachment_count,"
            + " (SELECT COUNT(*) FROM iam_user u WHERE u.boundary_arn = p.arn)"
            + " + (SELECT COUNT(*) FROM iam_role r WHERE r.boundary_arn = p.arn) AS boundary_count"
            + " FROM managed_policy p";

    private final JdbcContext ctx;

    JdbcManagedPolicyStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public ManagedPolicy create(String accountId, NewManagedPolicy policy) {
        IamInput.name("policyName", policy.name(), 128);
        IamInput.path("path", policy.path());
        IamInput.description("description", policy.description(), 1000);
        document(policy.document());
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            PrincipalRows.requireAccount(c, accountId);
            if (Sql.count(c, "SELECT COUNT(*) FROM managed_policy WHERE account_id = ? AND name_key = ?",
                    accountId, PrincipalRows.key(policy.name())) > 0) {
                throw SqlFailures.alreadyExists("policy " + policy.name() + " in account " + accountId);
            }
            String id = ctx.ids().uniqueId(IamIds.POLICY);
            Sql.update(c, "INSERT INTO managed_policy (id, account_id, name, name_key, path, arn, description, default_version,"
                            + " next_version, create_date, update_date, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, 'v1', 2, ?, ?, 1)",
                    id, accountId, policy.name(), PrincipalRows.key(policy.name()), policy.path(),
                    ctx.arns().policy(accountId, policy.path(), policy.name()), policy.description(), tx.now(), tx.now());
            Sql.update(c, "INSERT INTO policy_version (policy_id, version_id, version_number, document, create_date)"
                    + " VALUES (?, 'v1', 1, ?, ?)", id, policy.document(), tx.now());
            TagRows.put(c, id, false, policy.tags());
            tx.changed(EntityKind.MANAGED_POLICY, accountId, id, policy.name(), ChangeOp.CREATE);
            return one(c, "p.id = ?", id).orElseThrow();
        });
    }

    @Override
    public Optional<ManagedPolicy> get(String policyArn) {
        return ctx.db().read(c -> one(c, "p.arn = ?", policyArn));
    }

    @Override
    public Optional<ManagedPolicy> getById(String policyId) {
        return ctx.db().read(c -> one(c, "p.id = ?", policyId));
    }

    @Override
    public Page<ManagedPolicy> list(String accountId, String pathPrefix, boolean onlyAttached, PageRequest page) {
        String like = Paging.pathLike(IamInput.pathPrefix("pathPrefix", pathPrefix));
        String after = Paging.after(page);
        String attached = onlyAttached ? " AND EXISTS (SELECT 1 FROM policy_attachment a WHERE a.policy_id = p.id)" : "";
        return ctx.db().read(c -> {
            List<ManagedPolicy> rows = Sql.list(c, SELECT + " WHERE p.account_id = ? AND p.path LIKE ? ESCAPE '!'"
                    + " AND p.name_key > ?" + attached + " ORDER BY p.name_key" + Paging.fetch(page),
                    JdbcManagedPolicyStore::mapWithoutTags, accountId, like, after);
            Map<String, List<Tag>> tags = TagRows.readAll(c, rows.stream().map(ManagedPolicy::id).toList());
            return Paging.page(rows.stream().map(p -> withTags(p, tags.getOrDefault(p.id(), List.of()))).toList(),
                    page, p -> PrincipalRows.key(p.name()));
        });
    }

    @Override
    public void delete(String policyArn) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            ManagedPolicy policy = lock(c, policyArn);
            String what = "policy " + policyArn;
            if (policy.attachmentCount() > 0) {
                throw SqlFailures.deleteConflict(what, "it is attached to " + policy.attachmentCount() + " users, groups or roles");
            }
            if (policy.permissionsBoundaryUsageCount() > 0) {
                throw SqlFailures.deleteConflict(what, "it is the permissions boundary of "
                        + policy.permissionsBoundaryUsageCount() + " users or roles");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM policy_version WHERE policy_id = ?", policy.id()) > 1) {
                throw SqlFailures.deleteConflict(what, "it has versions other than the default; delete them first");
            }
            Sql.update(c, "DELETE FROM policy_version WHERE policy_id = ?", policy.id());
            TagRows.removeAll(c, policy.id());
            Sql.update(c, "DELETE FROM managed_policy WHERE id = ?", policy.id());
            tx.changed(EntityKind.MANAGED_POLICY, policy.accountId(), policy.id(), policy.name(), ChangeOp.DELETE);
            return null;
        });
    }

    @Override
    public ManagedPolicyVersion createVersion(String policyArn, String document, boolean setAsDefault) {
        document(document);
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            ManagedPolicy policy = lock(c, policyArn);
            long versions = Sql.count(c, "SELECT COUNT(*) FROM policy_version WHERE policy_id = ?", policy.id());
            if (versions >= IamLimits.POLICY_VERSIONS) {
                throw IamInput.limit("policy " + policyArn + " already has " + versions + " versions; at most "
                        + IamLimits.POLICY_VERSIONS + " are allowed; delete a non-default version first");
            }
            int number = Sql.one(c, "SELECT next_version FROM managed_policy WHERE id = ?", rs -> rs.getInt(1), policy.id())
                    .orElseThrow();
            String versionId = "v" + number;
            Sql.update(c, "INSERT INTO policy_version (policy_id, version_id, version_number, document, create_date)"
                    + " VALUES (?, ?, ?, ?, ?)", policy.id(), versionId, number, document, tx.now());
            Sql.update(c, "UPDATE managed_policy SET next_version = ?, update_date = ?, row_version = row_version + 1"
                    + (setAsDefault ? ", default_version = ?" : "") + " WHERE id = ?",
                    setAsDefault ? new Object[] {number + 1, tx.now(), versionId, policy.id()}
                            : new Object[] {number + 1, tx.now(), policy.id()});
            tx.changed(EntityKind.MANAGED_POLICY, policy.accountId(), policy.id(), policy.name(), ChangeOp.UPDATE);
            return new ManagedPolicyVersion(policy.arn(), versionId, document, setAsDefault, tx.now());
        });
    }

    @Override
    public Optional<ManagedPolicyVersion> getVersion(String policyArn, String versionId) {
        return ctx.db().read(c -> Sql.one(c, "SELECT p.arn, p.default_version, v.* FROM policy_version v"
                + " JOIN managed_policy p ON p.id = v.policy_id WHERE p.arn = ? AND v.version_id = ?",
                JdbcManagedPolicyStore::mapVersion, policyArn, versionId));
    }

    @Override
    public Optional<ManagedPolicyVersion> defaultVersion(String policyArn) {
        return ctx.db().read(c -> Sql.one(c, "SELECT p.arn, p.default_version, v.* FROM policy_version v"
                + " JOIN managed_policy p ON p.id = v.policy_id WHERE p.arn = ? AND v.version_id = p.default_version",
                JdbcManagedPolicyStore::mapVersion, policyArn));
    }

    @Override
    public List<ManagedPolicyVersion> listVersions(String policyArn) {
        return ctx.db().read(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM managed_policy WHERE arn = ?", policyArn) == 0) {
                throw SqlFailures.noSuch("policy " + policyArn);
            }
            return Sql.list(c, "SELECT p.arn, p.default_version, v.* FROM policy_version v"
                    + " JOIN managed_policy p ON p.id = v.policy_id WHERE p.arn = ? ORDER BY v.version_number DESC",
                    JdbcManagedPolicyStore::mapVersion, policyArn);
        });
    }

    @Override
    public ManagedPolicy setDefaultVersion(String policyArn, String versionId) {
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            ManagedPolicy policy = lock(c, policyArn);
            requireVersion(c, policy, versionId);
            Sql.update(c, "UPDATE managed_policy SET default_version = ?, update_date = ?, row_version = row_version + 1"
                    + " WHERE id = ?", versionId, tx.now(), policy.id());
            tx.changed(EntityKind.MANAGED_POLICY, policy.accountId(), policy.id(), policy.name(), ChangeOp.UPDATE);
            return one(c, "p.id = ?", policy.id()).orElseThrow();
        });
    }

    @Override
    public void deleteVersion(String policyArn, String versionId) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            ManagedPolicy policy = lock(c, policyArn);
            requireVersion(c, policy, versionId);
            if (policy.defaultVersionId().equals(versionId)) {
                throw SqlFailures.deleteConflict("version " + versionId + " of policy " + policyArn,
                        "it is the default version; make another version the default first");
            }
            Sql.update(c, "DELETE FROM policy_version WHERE policy_id = ? AND version_id = ?", policy.id(), versionId);
            Sql.update(c, "UPDATE managed_policy SET row_version = row_version + 1 WHERE id = ?", policy.id());
            tx.changed(EntityKind.MANAGED_POLICY, policy.accountId(), policy.id(), policy.name(), ChangeOp.UPDATE);
            return null;
        });
    }

    @Override
    public List<PolicyOwner> entitiesFor(String policyArn) {
        return ctx.db().read(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM managed_policy WHERE arn = ?", policyArn) == 0) {
                throw SqlFailures.noSuch("policy " + policyArn);
            }
            return Sql.list(c, "SELECT 'USER' AS kind, u.account_id, u.name FROM policy_attachment a JOIN iam_user u ON u.id = a.owner_id"
                            + " WHERE a.policy_arn = ?"
                            + " UNION ALL SELECT 'GROUP', g.account_id, g.name FROM policy_attachment a JOIN iam_group g ON g.id = a.owner_id"
                            + " WHERE a.policy_arn = ?"
                            + " UNION ALL SELECT 'ROLE', r.account_id, r.name FROM policy_attachment a JOIN iam_role r ON r.id = a.owner_id"
                            + " WHERE a.policy_arn = ? ORDER BY 1, 3",
                    rs -> new PolicyOwner(PolicyOwnerKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)),
                    policyArn, policyArn, policyArn);
        });
    }

    @Override
    public void tag(String policyArn, List<Tag> tags) {
        ctx.db().write(tx -> {
            ManagedPolicy policy = lock(tx.connection(), policyArn);
            TagRows.put(tx.connection(), policy.id(), false, tags);
            touch(tx, policy);
            return null;
        });
    }

    @Override
    public void untag(String policyArn, List<String> tagKeys) {
        ctx.db().write(tx -> {
            ManagedPolicy policy = lock(tx.connection(), policyArn);
            TagRows.remove(tx.connection(), policy.id(), false, tagKeys);
            touch(tx, policy);
            return null;
        });
    }

    private static void touch(WriteTx tx, ManagedPolicy policy) throws SQLException {
        Sql.update(tx.connection(), "UPDATE managed_policy SET row_version = row_version + 1 WHERE id = ?", policy.id());
        tx.changed(EntityKind.MANAGED_POLICY, policy.accountId(), policy.id(), policy.name(), ChangeOp.UPDATE);
    }

    private static void requireVersion(Connection c, ManagedPolicy policy, String versionId) throws SQLException {
        if (Sql.count(c, "SELECT COUNT(*) FROM policy_version WHERE policy_id = ? AND version_id = ?", policy.id(), versionId) == 0) {
            throw SqlFailures.noSuch("version " + versionId + " of policy " + policy.arn());
        }
    }

    /** Locks the policy row and reads it. */
    static ManagedPolicy lock(Connection c, String policyArn) throws SQLException {
        if (Sql.one(c, "SELECT id FROM managed_policy WHERE arn = ? FOR UPDATE", rs -> rs.getString(1), policyArn).isEmpty()) {
            throw SqlFailures.noSuch("policy " + policyArn);
        }
        return one(c, "p.arn = ?", policyArn).orElseThrow();
    }

    private static void document(String document) {
        IamInput.document("policyDocument", document);
        int size = IamLimits.policySize(document);
        if (size > IamLimits.MANAGED_POLICY_SIZE) {
            throw IamInput.limit("policyDocument has " + size + " characters without white space; at most "
                    + IamLimits.MANAGED_POLICY_SIZE + " are allowed");
        }
    }

    private static Optional<ManagedPolicy> one(Connection c, String where, Object... args) throws SQLException {
        Optional<ManagedPolicy> row = Sql.one(c, SELECT + " WHERE " + where, JdbcManagedPolicyStore::mapWithoutTags, args);
        if (row.isEmpty()) {
            return row;
        }
        return Optional.of(withTags(row.get(), TagRows.read(c, row.get().id())));
    }

    private static ManagedPolicy withTags(ManagedPolicy p, List<Tag> tags) {
        return new ManagedPolicy(p.accountId(), p.id(), p.name(), p.path(), p.arn(), p.description(), p.defaultVersionId(),
                p.attachmentCount(), p.permissionsBoundaryUsageCount(), p.createDate(), p.updateDate(), tags, p.rowVersion());
    }

    private static ManagedPolicy mapWithoutTags(ResultSet rs) throws SQLException {
        return new ManagedPolicy(rs.getString("account_id"), rs.getString("id"), rs.getString("name"), rs.getString("path"),
                rs.getString("arn"), rs.getString("description"), rs.getString("default_version"),
                rs.getInt("attachment_count"), rs.getInt("boundary_count"), Sql.instant(rs, "create_date"),
                Sql.instant(rs, "update_date"), List.of(), rs.getLong("row_version"));
    }

    private static ManagedPolicyVersion mapVersion(ResultSet rs) throws SQLException {
        String versionId = rs.getString("version_id");
        Instant created = Sql.instant(rs, "create_date");
        return new ManagedPolicyVersion(rs.getString("arn"), versionId, rs.getString("document"),
                versionId.equals(rs.getString("default_version")), created);
    }
}

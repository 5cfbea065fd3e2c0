package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.authz.AwsManagedPolicies;

import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.IamLimits;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.PrincipalPolicyStore;
import dev.lanyard.sts.store.model.AttachedPolicy;
import dev.lanyard.sts.store.model.InlinePolicy;
import dev.lanyard.sts.store.model.PolicyOwner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Inline policies and managed-policy attachments of users, groups and roles, on JDBC. */
final class JdbcPrincipalPolicyStore implements PrincipalPolicyStore {
    private final JdbcContext ctx;

    JdbcPrincipalPolicyStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public InlinePolicy putInline(PolicyOwner owner, String policyName, String document) {
        IamInput.name("policyName", policyName, 128);
        IamInput.document("policyDocument", document);
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            String ownerId = PrincipalRows.lock(c, owner);
            List<InlinePolicy> existing = inline(c, owner, ownerId);
            int size = IamLimits.policySize(document);
            boolean replace = false;
            for (InlinePolicy p : existing) {
                if (p.policyName().equals(policyName)) {
                    replace = true;
                } else {
                    size += IamLimits.policySize(p.document());
                }
            }
            int limit = inlineLimit(owner);
            if (size > limit) {
                throw IamInput.limit("inline policies of " + PrincipalRows.describe(owner) + " would total " + size
                        + " characters without white space; at most " + limit + " are allowed");
            }
            if (replace) {
                Sql.update(c, "UPDATE inline_policy SET document = ? WHERE owner_id = ? AND policy_name = ?",
                        document, ownerId, policyName);
            } else {
                Sql.update(c, "INSERT INTO inline_policy (owner_id, owner_kind, policy_name, document) VALUES (?, ?, ?, ?)",
                        ownerId, owner.kind().name(), policyName, document);
            }
            changed(tx, owner, ownerId);
            return new InlinePolicy(owner, policyName, document);
        });
    }

    @Override
    public Optional<InlinePolicy> getInline(PolicyOwner owner, String policyName) {
        return ctx.db().read(c -> {
            String ownerId = require(c, owner);
            return Sql.one(c, "SELECT document FROM inline_policy WHERE owner_id = ? AND policy_name = ?",
                    rs -> new InlinePolicy(owner, policyName, rs.getString(1)), ownerId, policyName);
        });
    }

    @Override
    public Page<String> listInlineNames(PolicyOwner owner, PageRequest page) {
        String after = Paging.after(page);
        return ctx.db().read(c -> {
            String ownerId = require(c, owner);
            return Paging.page(Sql.list(c, "SELECT policy_name FROM inline_policy WHERE owner_id = ? AND policy_name > ?"
                    + " ORDER BY policy_name" + Paging.fetch(page), rs -> rs.getString(1), ownerId, after), page, n -> n);
        });
    }

    @Override
    public List<InlinePolicy> inlinePolicies(PolicyOwner owner) {
        return ctx.db().read(c -> inline(c, owner, require(c, owner)));
    }

    @Override
    public void deleteInline(PolicyOwner owner, String policyName) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            String ownerId = PrincipalRows.lock(c, owner);
            if (Sql.update(c, "DELETE FROM inline_policy WHERE owner_id = ? AND policy_name = ?", ownerId, policyName) == 0) {
                throw SqlFailures.noSuch("inline policy " + policyName + " of " + PrincipalRows.describe(owner));
            }
            changed(tx, owner, ownerId);
            return null;
        });
    }

    @Override
    public void attach(PolicyOwner owner, String policyArn) {
        IamInput.arn("policyArn", policyArn, false);
        boolean awsManaged = AwsManagedPolicies.isAwsManagedArn(policyArn);
        if (awsManaged) {
            PrincipalRows.requireAwsManaged(policyArn);
        }
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            String ownerId = PrincipalRows.lock(c, owner);
            String policyId = null;
            String policyName = AwsManagedPolicies.nameOf(policyArn);
            if (!awsManaged) {
                policyId = Sql.one(c, "SELECT id FROM managed_policy WHERE arn = ? AND account_id = ? FOR UPDATE",
                                rs -> rs.getString(1), policyArn, owner.accountId())
                        .orElseThrow(() -> SqlFailures.noSuch("policy " + policyArn + " in account " + owner.accountId()));
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM policy_attachment WHERE owner_id = ? AND policy_arn = ?", ownerId, policyArn) > 0) {
                return null;
            }
            long attached = Sql.count(c, "SELECT COUNT(*) FROM policy_attachment WHERE owner_id = ?", ownerId);
            if (attached >= IamLimits.ATTACHED_POLICIES) {
                throw IamInput.limit(PrincipalRows.describe(owner) + " already has " + attached
                        + " attached managed policies; at most " + IamLimits.ATTACHED_POLICIES + " are allowed");
            }
            Sql.update(c, "INSERT INTO policy_attachment (owner_id, owner_kind, policy_arn, policy_name, policy_id)"
                    + " VALUES (?, ?, ?, ?, ?)", ownerId, owner.kind().name(), policyArn, policyName, policyId);
            changed(tx, owner, ownerId);
            return null;
        });
    }

    @Override
    public void detach(PolicyOwner owner, String policyArn) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            String ownerId = PrincipalRows.lock(c, owner);
            if (Sql.update(c, "DELETE FROM policy_attachment WHERE owner_id = ? AND policy_arn = ?", ownerId, policyArn) == 0) {
                throw SqlFailures.noSuch("attachment of policy " + policyArn + " to " + PrincipalRows.describe(owner));
            }
            changed(tx, owner, ownerId);
            return null;
        });
    }

    @Override
    public Page<AttachedPolicy> listAttached(PolicyOwner owner, PageRequest page) {
        String after = Paging.after(page);
        return ctx.db().read(c -> {
            String ownerId = require(c, owner);
            return Paging.page(Sql.list(c, "SELECT policy_arn, policy_name FROM policy_attachment WHERE owner_id = ?"
                            + " AND policy_arn > ? ORDER BY policy_arn" + Paging.fetch(page),
                    rs -> new AttachedPolicy(rs.getString(1), rs.getString(2)), ownerId, after), page, AttachedPolicy::policyArn);
        });
    }

    @Override
    public List<AttachedPolicy> attachedPolicies(PolicyOwner owner) {
        return ctx.db().read(c -> Sql.list(c, "SELECT policy_arn, policy_name FROM policy_attachment WHERE owner_id = ?"
                + " ORDER BY policy_arn", rs -> new AttachedPolicy(rs.getString(1), rs.getString(2)), require(c, owner)));
    }

    private static List<InlinePolicy> inline(Connection c, PolicyOwner owner, String ownerId) throws SQLException {
        return Sql.list(c, "SELECT policy_name, document FROM inline_policy WHERE owner_id = ? ORDER BY policy_name",
                rs -> new InlinePolicy(owner, rs.getString(1), rs.getString(2)), ownerId);
    }

    private static String require(Connection c, PolicyOwner owner) throws SQLException {
        return PrincipalRows.find(c, owner).orElseThrow(() -> SqlFailures.noSuch(PrincipalRows.describe(owner)));
    }

    private static void changed(WriteTx tx, PolicyOwner owner, String ownerId) throws SQLException {
        PrincipalRows.touch(tx.connection(), owner, ownerId);
        EntityKind kind = switch (owner.kind()) {
            case USER -> EntityKind.USER;
            case GROUP -> EntityKind.GROUP;
            case ROLE -> EntityKind.ROLE;
        };
        tx.changed(kind, owner.accountId(), ownerId, owner.name(), ChangeOp.UPDATE);
    }

    private static int inlineLimit(PolicyOwner owner) {
        return switch (owner.kind()) {
            case USER -> IamLimits.USER_INLINE_POLICY_SIZE;
            case GROUP -> IamLimits.GROUP_INLINE_POLICY_SIZE;
            case ROLE -> IamLimits.ROLE_INLINE_POLICY_SIZE;
        };
    }
}

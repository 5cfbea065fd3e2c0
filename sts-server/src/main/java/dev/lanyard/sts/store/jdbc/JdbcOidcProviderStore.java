package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.store.IamArns;

import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.OidcProviderStore;
import dev.lanyard.sts.store.model.NewOidcProvider;
import dev.lanyard.sts.store.model.OidcProvider;
import dev.lanyard.sts.store.model.Tag;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** OIDC provider records on JDBC; client ids and thumbprints as JSON arrays. */
final class JdbcOidcProviderStore implements OidcProviderStore {
    private final JdbcContext ctx;

    JdbcOidcProviderStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    /** The issuer without scheme or trailing slash, lower-cased: the key and the ARN's resource part. */
    static String urlKey(String url) {
        return IamArns.oidcUrlKey(url);
    }

    @Override
    public OidcProvider create(String accountId, NewOidcProvider provider) {
        IamInput.oidcUrl("url", provider.url());
        List<String> clientIds = IamInput.oidcClientIds("clientIDList", provider.clientIds());
        List<String> thumbprints = IamInput.thumbprints("thumbprintList", provider.thumbprints());
        String key = urlKey(provider.url());
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            PrincipalRows.requireAccount(c, accountId);
            if (Sql.count(c, "SELECT COUNT(*) FROM oidc_provider WHERE account_id = ? AND url_key = ?", accountId, key) > 0) {
                throw SqlFailures.alreadyExists("OIDC provider for " + provider.url() + " in account " + accountId);
            }
            String arn = ctx.arns().oidcProvider(accountId, key);
            Sql.update(c, "INSERT INTO oidc_provider (arn, account_id, url, url_key, client_ids, thumbprints, create_date,"
                            + " row_version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)", arn, accountId, provider.url(), key,
                    JsonLists.write(clientIds), JsonLists.write(thumbprints), tx.now());
            TagRows.put(c, arn, false, provider.tags());
            tx.changed(EntityKind.OIDC_PROVIDER, accountId, arn, key, ChangeOp.CREATE);
            return one(c, "arn = ?", arn).orElseThrow();
        });
    }

    @Override
    public Optional<OidcProvider> get(String arn) {
        return ctx.db().read(c -> one(c, "arn = ?", arn));
    }

    @Override
    public Optional<OidcProvider> findByUrl(String accountId, String url) {
        return ctx.db().read(c -> one(c, "account_id = ? AND url_key = ?", accountId, urlKey(url)));
    }

    @Override
    public List<OidcProvider> list(String accountId) {
        return ctx.db().read(c -> withTags(c, Sql.list(c, "SELECT * FROM oidc_provider WHERE account_id = ? ORDER BY url_key",
                JdbcOidcProviderStore::mapWithoutTags, accountId)));
    }

    @Override
    public OidcProvider addClientId(String arn, String clientId) {
        return modify(arn, p -> {
            List<String> ids = new ArrayList<>(p.clientIds());
            if (!ids.contains(clientId)) {
                ids.add(clientId);
            }
            return new OidcProvider(p.accountId(), p.arn(), p.url(), IamInput.oidcClientIds("clientID", ids), p.thumbprints(),
                    p.tags(), p.createDate(), p.rowVersion());
        });
    }

    @Override
    public OidcProvider removeClientId(String arn, String clientId) {
        return modify(arn, p -> {
            List<String> ids = new ArrayList<>(p.clientIds());
            ids.remove(clientId);
            return new OidcProvider(p.accountId(), p.arn(), p.url(), ids, p.thumbprints(), p.tags(), p.createDate(),
                    p.rowVersion());
        });
    }

    @Override
    public OidcProvider updateThumbprints(String arn, List<String> thumbprints) {
        List<String> checked = IamInput.thumbprints("thumbprintList", thumbprints);
        return modify(arn, p -> new OidcProvider(p.accountId(), p.arn(), p.url(), p.clientIds(), checked, p.tags(),
                p.createDate(), p.rowVersion()));
    }

    private OidcProvider modify(String arn, java.util.function.UnaryOperator<OidcProvider> change) {
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            OidcProvider current = lock(c, arn);
            OidcProvider next = change.apply(current);
            Sql.update(c, "UPDATE oidc_provider SET client_ids = ?, thumbprints = ?, row_version = row_version + 1"
                    + " WHERE arn = ?", JsonLists.write(next.clientIds()), JsonLists.write(next.thumbprints()), arn);
            tx.changed(EntityKind.OIDC_PROVIDER, current.accountId(), arn, urlKey(current.url()), ChangeOp.UPDATE);
            return one(c, "arn = ?", arn).orElseThrow();
        });
    }

    @Override
    public void delete(String arn) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            OidcProvider current = lock(c, arn);
            TagRows.removeAll(c, arn);
            Sql.update(c, "DELETE FROM oidc_provider WHERE arn = ?", arn);
            tx.changed(EntityKind.OIDC_PROVIDER, current.accountId(), arn, urlKey(current.url()), ChangeOp.DELETE);
            return null;
        });
    }

    @Override
    public void tag(String arn, List<Tag> tags) {
        ctx.db().write(tx -> {
            OidcProvider current = lock(tx.connection(), arn);
            TagRows.put(tx.connection(), arn, false, tags);
            touch(tx, current);
            return null;
        });
    }

    @Override
    public void untag(String arn, List<String> tagKeys) {
        ctx.db().write(tx -> {
            OidcProvider current = lock(tx.connection(), arn);
            TagRows.remove(tx.connection(), arn, false, tagKeys);
            touch(tx, current);
            return null;
        });
    }

    private static void touch(WriteTx tx, OidcProvider p) throws SQLException {
        Sql.update(tx.connection(), "UPDATE oidc_provider SET row_version = row_version + 1 WHERE arn = ?", p.arn());
        tx.changed(EntityKind.OIDC_PROVIDER, p.accountId(), p.arn(), urlKey(p.url()), ChangeOp.UPDATE);
    }

    private static OidcProvider lock(Connection c, String arn) throws SQLException {
        if (Sql.one(c, "SELECT arn FROM oidc_provider WHERE arn = ? FOR UPDATE", rs -> rs.getString(1), arn).isEmpty()) {
            throw SqlFailures.noSuch("OIDC provider " + arn);
        }
        return one(c, "arn = ?", arn).orElseThrow();
    }

    private static Optional<OidcProvider> one(Connection c, String where, Object... args) throws SQLException {
        return withTags(c, Sql.list(c, "SELECT * FROM oidc_provider WHERE " + where, JdbcOidcProviderStore::mapWithoutTags,
                args)).stream().findFirst();
    }

    private static List<OidcProvider> withTags(Connection c, List<OidcProvider> rows) throws SQLException {
        Map<String, List<Tag>> tags = TagRows.readAll(c, rows.stream().map(OidcProvider::arn).toList());
        return rows.stream().map(p -> new OidcProvider(p.accountId(), p.arn(), p.url(), p.clientIds(), p.thumbprints(),
                tags.getOrDefault(p.arn(), List.of()), p.createDate(), p.rowVersion())).toList();
    }

    private static OidcProvider mapWithoutTags(ResultSet rs) throws SQLException {
        return new OidcProvider(rs.getString("account_id"), rs.getString("arn"), rs.getString("url"),
                JsonLists.read(rs.getString("client_ids")), JsonLists.read(rs.getString("thumbprints")), List.of(),
                Sql.instant(rs, "create_date"), rs.getLong("row_version"));
    }
}

package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.SamlProviderStore;
import dev.lanyard.sts.store.model.NewSamlProvider;
import dev.lanyard.sts.store.model.SamlProvider;
import dev.lanyard.sts.store.model.Tag;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SAML provider records on JDBC. The metadata is stored as given; the federation code parses it. */
final class JdbcSamlProviderStore implements SamlProviderStore {
    private final JdbcContext ctx;

    JdbcSamlProviderStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public SamlProvider create(String accountId, NewSamlProvider provider) {
        IamInput.samlProviderName("name", provider.name());
        metadata(provider.metadataDocument());
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            PrincipalRows.requireAccount(c, accountId);
            if (Sql.count(c, "SELECT COUNT(*) FROM saml_provider WHERE account_id = ? AND name_key = ?", accountId,
                    PrincipalRows.key(provider.name())) > 0) {
                throw SqlFailures.alreadyExists("SAML provider " + provider.name() + " in account " + accountId);
            }
            String arn = ctx.arns().samlProvider(accountId, provider.name());
            Sql.update(c, "INSERT INTO saml_provider (arn, account_id, name, name_key, metadata, valid_until, create_date,"
                            + " row_version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)", arn, accountId, provider.name(),
                    PrincipalRows.key(provider.name()), provider.metadataDocument(), Sql.timestamp(provider.validUntil()), tx.now());
            TagRows.put(c, arn, false, provider.tags());
            tx.changed(EntityKind.SAML_PROVIDER, accountId, arn, provider.name(), ChangeOp.CREATE);
            return one(c, "arn = ?", arn).orElseThrow();
        });
    }

    @Override
    public Optional<SamlProvider> get(String arn) {
        return ctx.db().read(c -> one(c, "arn = ?", arn));
    }

    @Override
    public List<SamlProvider> list(String accountId) {
        return ctx.db().read(c -> withTags(c, Sql.list(c, "SELECT * FROM saml_provider WHERE account_id = ? ORDER BY name_key",
                JdbcSamlProviderStore::mapWithoutTags, accountId)));
    }

    @Override
    public SamlProvider updateMetadata(String arn, String metadataDocument, Instant validUntil) {
        metadata(metadataDocument);
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            SamlProvider current = lock(c, arn);
            Sql.update(c, "UPDATE saml_provider SET metadata = ?, valid_until = ?, row_version = row_version + 1 WHERE arn = ?",
                    metadataDocument, Sql.timestamp(validUntil), arn);
            tx.changed(EntityKind.SAML_PROVIDER, current.accountId(), arn, current.name(), ChangeOp.UPDATE);
            return one(c, "arn = ?", arn).orElseThrow();
        });
    }

    @Override
    public void delete(String arn) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            SamlProvider current = lock(c, arn);
            TagRows.removeAll(c, arn);
            Sql.update(c, "DELETE FROM saml_provider WHERE arn = ?", arn);
            tx.changed(EntityKind.SAML_PROVIDER, current.accountId(), arn, current.name(), ChangeOp.DELETE);
            return null;
        });
    }

    @Override
    public void tag(String arn, List<Tag> tags) {
        ctx.db().write(tx -> {
            SamlProvider current = lock(tx.connection(), arn);
            TagRows.put(tx.connection(), arn, false, tags);
            touch(tx, current);
            return null;
        });
    }

    @Override
    public void untag(String arn, List<String> tagKeys) {
        ctx.db().write(tx -> {
            SamlProvider current = lock(tx.connection(), arn);
            TagRows.remove(tx.connection(), arn, false, tagKeys);
            touch(tx, current);
            return null;
        });
    }

    private static void metadata(String document) {
        IamInput.require("samlMetadataDocument", document);
        if (document.length() < 1000 || document.length() > IamInput.SAML_METADATA_MAX) {
            throw new LanyardException(AwsErrorCode.ValidationError, "samlMetadataDocument has " + document.length()
                    + " characters; accepted: 1000 to " + IamInput.SAML_METADATA_MAX + " characters of IdP metadata XML", false);
        }
    }

    private static void touch(WriteTx tx, SamlProvider p) throws SQLException {
        Sql.update(tx.connection(), "UPDATE saml_provider SET row_version = row_version + 1 WHERE arn = ?", p.arn());
        tx.changed(EntityKind.SAML_PROVIDER, p.accountId(), p.arn(), p.name(), ChangeOp.UPDATE);
    }

    private static SamlProvider lock(Connection c, String arn) throws SQLException {
        if (Sql.one(c, "SELECT arn FROM saml_provider WHERE arn = ? FOR UPDATE", rs -> rs.getString(1), arn).isEmpty()) {
            throw SqlFailures.noSuch("SAML provider " + arn);
        }
        return one(c, "arn = ?", arn).orElseThrow();
    }

    private static Optional<SamlProvider> one(Connection c, String where, Object... args) throws SQLException {
        return withTags(c, Sql.list(c, "SELECT * FROM saml_provider WHERE " + where, JdbcSamlProviderStore::mapWithoutTags,
                args)).stream().findFirst();
    }

    private static List<SamlProvider> withTags(Connection c, List<SamlProvider> rows) throws SQLException {
        Map<String, List<Tag>> tags = TagRows.readAll(c, rows.stream().map(SamlProvider::arn).toList());
        return rows.stream().map(p -> new SamlProvider(p.accountId(), p.arn(), p.name(), p.metadataDocument(), p.validUntil(),
                tags.getOrDefault(p.arn(), List.of()), p.createDate(), p.rowVersion())).toList();
    }

    private static SamlProvider mapWithoutTags(ResultSet rs) throws SQLException {
        return new SamlProvider(rs.getString("account_id"), rs.getString("arn"), rs.getString("name"),
                rs.getString("metadata"), Sql.instant(rs, "valid_until"), List.of(), Sql.instant(rs, "create_date"),
                rs.getLong("row_version"));
    }
}

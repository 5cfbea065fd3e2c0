package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how the JDBC store connects: a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL, the schema
 * holding the tables (created by the migrations if absent), the ARN partition, and the pool size.
 * {@link #toString()} omits the URL's parameters, which may hold a password.
 */
public record JdbcStoreConfig(String jdbcUrl, String schema, String partition, int maxPoolSize) {
    /** The schema used when none is given. */
    public static final String DEFAULT_SCHEMA = "lanyard";
    /** The ARN partition used when none is given. */
    public static final String DEFAULT_PARTITION = "aws";
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*|[a-z][a-z0-9-]{0,30}");

    public JdbcStoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        schema = schema == null ? DEFAULT_SCHEMA : schema;
        partition = partition == null ? DEFAULT_PARTITION : partition;
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw invalid("jdbcUrl", "uses an unsupported database", "a jdbc:h2: or jdbc:postgresql: URL");
        }
        if (!SCHEMA.matcher(schema).matches()) {
            throw invalid("schema", "is not accepted", "1-63 lower-case letters, digits and _, not starting with a digit");
        }
        if (!PARTITION.matcher(partition).matches()) {
            throw invalid("partition", "is not accepted", "an ARN partition such as aws");
        }
        if (maxPoolSize < 1 || maxPoolSize > 200) {
            throw invalid("maxPoolSize", "is " + maxPoolSize, "1 to 200");
        }
    }

    /** The embedded H2 store in {@code <dataDir>/lanyard} (files {@code lanyard.mv.db}). */
    public static JdbcStoreConfig embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve("lanyard").toString().replace('\\', '/');
        return new JdbcStoreConfig("jdbc:h2:file:" + file
                + ";DB_CLOSE_ON_EXIT=FALSE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000",
                DEFAULT_SCHEMA, DEFAULT_PARTITION, 8);
    }

    /** A store at {@code jdbcUrl} with the default schema, partition and pool size. */
    public static JdbcStoreConfig of(String jdbcUrl) {
        return new JdbcStoreConfig(jdbcUrl, DEFAULT_SCHEMA, DEFAULT_PARTITION, 10);
    }

    public JdbcStoreConfig withSchema(String newSchema) {
        return new JdbcStoreConfig(jdbcUrl, newSchema, partition, maxPoolSize);
    }

    public JdbcStoreConfig withPartition(String newPartition) {
        return new JdbcStoreConfig(jdbcUrl, schema, newPartition, maxPoolSize);
    }

    public JdbcStoreConfig withMaxPoolSize(int size) {
        return new JdbcStoreConfig(jdbcUrl, schema, partition, size);
    }

    /** The URL without a {@code password=} query parameter (so drivers and migrations never log it). */
    String urlWithoutPassword() {
        int q = jdbcUrl.indexOf('?');
        if (!isPostgres() || q < 0) {
            return jdbcUrl;
        }
        StringBuilder kept = new StringBuilder();
        for (String parameter : jdbcUrl.substring(q + 1).split("&")) {
            if (!parameter.startsWith("password=") && !parameter.isEmpty()) {
                kept.append(kept.length() == 0 ? "" : "&").append(parameter);
            }
        }
        return jdbcUrl.substring(0, q) + (kept.length() == 0 ? "" : "?" + kept);
    }

    /** The {@code password=} query parameter of a PostgreSQL URL, URL-decoded, or {@code null}. */
    String password() {
        int q = jdbcUrl.indexOf('?');
        if (!isPostgres() || q < 0) {
            return null;
        }
        for (String parameter : jdbcUrl.substring(q + 1).split("&")) {
            if (parameter.startsWith("password=")) {
                return java.net.URLDecoder.decode(parameter.substring("password=".length()), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** True for PostgreSQL URLs. */
    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    private static LanyardException invalid(String field, String problem, String accepted) {
        return new LanyardException(AwsErrorCode.InvalidParameterValue,
                "store " + field + " " + problem + "; accepted: " + accepted, false);
    }

    @Override
    public String toString() {
        int cut = indexOfParameters(jdbcUrl);
        String shown = cut < 0 ? jdbcUrl : jdbcUrl.substring(0, cut) + "?…";
        return "JdbcStoreConfig[url=" + shown + ", schema=" + schema + ", partition=" + partition
                + ", maxPoolSize=" + maxPoolSize + "]";
    }

    private static int indexOfParameters(String url) {
        int q = url.indexOf('?');
        int s = url.indexOf(';');
        if (q < 0) {
            return s;
        }
        return s < 0 ? q : Math.min(q, s);
    }
}

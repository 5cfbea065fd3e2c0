package dev.lanyard.sts.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL database of a test class's own, {@code lanyard_cluster_<random>}, created through the
 * server at {@code LANYARD_TEST_PG_URL} (default a local trust-auth server) and dropped by
 * {@link #close()}. Aborts the test when PostgreSQL is unreachable, unless {@code CI=true}, where
 * that is a failure.
 */
final class PostgresTestDatabase implements AutoCloseable {
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?/([^?]*)(\\?.*)?");

  private final String host;
  private final int port;
  private final String query;
  private final String adminUrl;
  private final String name;

  private PostgresTestDatabase(String host, int port, String query, String adminUrl, String name) {
    this.host = host;
    this.port = port;
    this.query = query;
    this.adminUrl = adminUrl;
    this.name = name;
  }

  static PostgresTestDatabase create() {
    String base = System.getenv().getOrDefault("LANYARD_TEST_PG_URL", DEFAULT_URL);
    Matcher m = URL.matcher(base);
    if (!m.matches()) {
      throw new IllegalArgumentException("LANYARD_TEST_PG_URL: not a jdbc:postgresql://host[:port]/db URL");
    }
    String host = m.group(1);
    int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
    String query = m.group(4) == null ? "" : m.group(4);
    byte[] bytes = new byte[5];
    new SecureRandom().nextBytes(bytes);
    String name = "lanyard_cluster_" + HexFormat.of().formatHex(bytes);
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      if ("true".equals(System.getenv("CI"))) {
        fail("PostgreSQL at LANYARD_TEST_PG_URL is required in CI but unusable: SQL state " + e.getSQLState());
      }
      Assumptions.abort("PostgreSQL is unreachable (SQL state " + e.getSQLState()
          + "); set LANYARD_TEST_PG_URL to run the cluster tests");
    }
    return new PostgresTestDatabase(host, port, query, base, name);
  }

  /** The JDBC URL of this database. */
  String url() {
    return urlVia(host, port);
  }

  /** The JDBC URL of this database reached through another address (a proxy). */
  String urlVia(String viaHost, int viaPort) {
    return "jdbc:postgresql://" + viaHost + ":" + viaPort + "/" + name + query;
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
      s.execute("DROP DATABASE IF EXISTS " + name);
    } catch (SQLException e) {
      System.err.println("could not drop test database " + name + ": SQL state " + e.getSQLState());
    }
  }
}

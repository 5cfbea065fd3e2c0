package dev.lanyard.sts.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A thread holding one dedicated PostgreSQL connection that {@code LISTEN}s on the change channel
 * and reports the highest version each batch of notifications carries. When the connection drops
 * it reconnects with {@link ReconnectBackoff}; after every (re)connection it reports
 * {@code onConnected} so that the owner catches up on whatever was missed meanwhile. An idle
 * connection is checked with {@code SELECT 1} every few seconds so that a dead one is noticed.
 */
final class ChangeListener implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ChangeListener.class.getName());
  private static final int WAIT_MILLIS = 250;
  private static final long KEEPALIVE_NANOS = 5_000_000_000L;

  private final String channel;
  private final Supplier<Connection> connect;
  private final LongConsumer onNotified;
  private final Runnable onConnected;
  private final ReconnectBackoff backoff;
  private final RandomGenerator random;
  private final Thread thread;
  private volatile boolean closed;

  ChangeListener(String channel, Supplier<Connection> connect, LongConsumer onNotified,
      Runnable onConnected, ReconnectBackoff backoff, RandomGenerator random, String nodeId) {
    if (!channel.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("channel: '" + channel + "' is not a plain identifier");
    }
    this.channel = channel;
    this.connect = Objects.requireNonNull(connect, "connect");
    this.onNotified = Objects.requireNonNull(onNotified, "onNotified");
    this.onConnected = Objects.requireNonNull(onConnected, "onConnected");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.random = Objects.requireNonNull(random, "random");
    this.thread = new Thread(this::run, "lanyard-change-listener-" + nodeId);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    int attempt = 0;
    while (!closed) {
      try (Connection c = connect.get()) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + channel);
        }
        if (attempt > 0) {
          LOG.info("change listener reconnected after " + attempt + " failed attempts");
        }
        attempt = 0;
        onConnected.run();
        listen(c);
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.log(attempt == 0 ? Level.WARNING : Level.FINE, "change listener lost its connection ("
            + describe(e) + "); reconnecting, the poll covers the gap");
        sleep(backoff.delay(attempt++, random).toMillis());
      }
    }
  }

  private void listen(Connection c) throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    long lastTraffic = System.nanoTime();
    while (!closed) {
      PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
      if (received != null && received.length > 0) {
        long highest = -1;
        for (PGNotification n : received) {
          highest = Math.max(highest, parse(n.getParameter()));
        }
        if (highest >= 0) {
          onNotified.accept(highest);
        }
        lastTraffic = System.nanoTime();
      } else if (System.nanoTime() - lastTraffic > KEEPALIVE_NANOS) {
        try (Statement s = c.createStatement()) {
          s.execute("SELECT 1");
        }
        lastTraffic = System.nanoTime();
      }
    }
  }

  private static long parse(String payload) {
    try {
      return Long.parseLong(payload);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String describe(Exception e) {
    if (e instanceof SQLException sql) {
      return "SQL state " + sql.getSQLState();
    }
    return e instanceof dev.lanyard.sts.error.LanyardException l ? l.code().name()
        : e.getClass().getSimpleName();
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** Stops listening and waits (up to 2 s) for the thread to end. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

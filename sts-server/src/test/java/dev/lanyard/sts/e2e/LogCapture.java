package dev.lanyard.sts.e2e;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Collects the log lines written through {@code java.util.logging} while open: everything Lanyard's
 * own loggers ({@code dev.lanyard.*}) write at any level, and what libraries write at INFO and
 * above (the level {@code LanyardServerMain} configures). Each line is the formatted message with
 * its stack trace.
 */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger root = Logger.getLogger("");
  private final Logger lanyard = Logger.getLogger("dev.lanyard");
  private final Level previousRoot;
  private final Level previousLanyard;
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  LogCapture() {
    setLevel(Level.ALL);
    previousRoot = root.getLevel();
    previousLanyard = lanyard.getLevel();
    root.setLevel(Level.INFO);
    lanyard.setLevel(Level.ALL);
    root.addHandler(this);
  }

  /** The lines written so far. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    StringBuilder line = new StringBuilder(formatter.formatMessage(record));
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append('\n').append(trace);
    }
    lines.add(line.toString());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    root.removeHandler(this);
    root.setLevel(previousRoot);
    lanyard.setLevel(previousLanyard);
  }
}

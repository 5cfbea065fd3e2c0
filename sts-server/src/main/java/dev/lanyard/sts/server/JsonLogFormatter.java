package dev.lanyard.sts.server;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Structured logs: one JSON object a line ({@code time}, {@code level}, {@code logger},
 * {@code message}, {@code thread}, and {@code error} with the stack trace when there is one).
 */
public final class JsonLogFormatter extends Formatter {
  private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

  @Override
  public String format(LogRecord r) {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"time\":\"").append(Instant.ofEpochMilli(r.getMillis())).append('"');
    field(b, "level", r.getLevel().getName());
    field(b, "logger", r.getLoggerName());
    field(b, "message", formatMessage(r));
    field(b, "thread", Thread.currentThread().getName());
    if (r.getThrown() != null) {
      StringWriter trace = new StringWriter();
      r.getThrown().printStackTrace(new PrintWriter(trace));
      field(b, "error", trace.toString());
    }
    return b.append("}\n").toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append(",\"").append(name).append("\":\"");
    if (value != null) {
      b.append(ENCODER.quoteAsString(value));
    }
    b.append('"');
  }
}

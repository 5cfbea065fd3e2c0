package dev.lanyard.sts.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Audit records as JSON lines, one record a line, appended to a file (or written to standard
 * output). A write failure is logged once and never fails the call being audited.
 */
public final class JsonLinesAuditLog implements AuditLog {
  private static final Logger LOG = Logger.getLogger(JsonLinesAuditLog.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  private final Writer out;
  private final boolean closeOut;
  private boolean failed;

  private JsonLinesAuditLog(Writer out, boolean closeOut) {
    this.out = out;
    this.closeOut = closeOut;
  }

  /** Appends to {@code file}, creating it and its folder (mode 0600 where POSIX) as needed. */
  public static JsonLinesAuditLog toFile(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!Files.exists(file)) {
      dev.lanyard.sts.config.PrivateFiles.createEmpty(file);
    }
    Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND), StandardCharsets.UTF_8), 64 * 1024);
    return new JsonLinesAuditLog(w, true);
  }

  /** Writes to standard output. */
  public static JsonLinesAuditLog toStandardOutput() {
    return new JsonLinesAuditLog(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
  }

  /** Chooses by the {@code audit-log} setting: {@code -} for standard output, else a file. */
  public static JsonLinesAuditLog open(String setting) throws IOException {
    return setting.equals("-") ? toStandardOutput() : toFile(Path.of(setting));
  }

  @Override
  public void record(AuditRecord r) {
    Map<String, Object> line = new java.util.LinkedHashMap<>();
    line.put("time", r.time().toString());
    line.put("requestId", r.requestId());
    line.put("node", r.node());
    line.put("door", r.door());
    line.put("action", r.action());
    line.put("principal", r.principal());
    line.put("accessKeyId", r.accessKeyId());
    line.put("parameters", r.parameters());
    line.put("result", r.success() ? "Success" : "Failure");
    if (r.errorCode() != null) {
      line.put("errorCode", r.errorCode());
    }
    line.put("sourceAddress", r.sourceAddress());
    try {
      String text = JSON.writeValueAsString(line);
      synchronized (this) {
        out.write(text);
        out.write('\n');
        out.flush();
      }
    } catch (IOException e) {
      synchronized (this) {
        if (!failed) {
          failed = true;
          LOG.log(Level.SEVERE, "audit log write failed; further failures are not logged", e);
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.flush();
      if (closeOut) {
        out.close();
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "closing the audit log failed", e);
    }
  }
}

package dev.lanyard.sts.audit;

/** Where audit records go. Implementations are thread-safe and never throw to the caller. */
public interface AuditLog extends AutoCloseable {
  void record(AuditRecord record);

  @Override
  void close();
}

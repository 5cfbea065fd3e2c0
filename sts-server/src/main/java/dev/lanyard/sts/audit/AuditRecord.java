package dev.lanyard.sts.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One audit record: one STS or IAM call, or one decision worth keeping. Never holds a secret:
 * {@code parameters} pass through {@link AuditParameters#redact} before they get here.
 *
 * @param errorCode the AWS error code, or null on success
 */
public record AuditRecord(
    Instant time,
    String requestId,
    String node,
    String door,
    String action,
    String principal,
    String accessKeyId,
    Map<String, Object> parameters,
    boolean success,
    String errorCode,
    String sourceAddress) {
  public AuditRecord {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(action, "action");
    parameters = AuditParameters.redact(parameters);
  }
}

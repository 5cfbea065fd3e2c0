package dev.lanyard.sts.audit;

import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.metrics.ServerMetrics;
import java.time.Clock;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Wraps one STS, IAM or authorisation operation, whichever front door it came in by: times it,
 * records the metric, writes one audit record (parameters redacted, never a secret), and returns or
 * rethrows. Both the gRPC services and the HTTP Query API call operations through this, so audit
 * and metrics are the same for both doors.
 */
public final class CallRecorder {
  private final AuditLog audit;
  private final ServerMetrics metrics;
  private final Clock clock;
  private final String nodeId;

  public CallRecorder(AuditLog audit, ServerMetrics metrics, Clock clock, String nodeId) {
    this.audit = audit;
    this.metrics = metrics;
    this.clock = clock;
    this.nodeId = nodeId;
  }

  /** What the door knows about the call. {@code caller} is null for unsigned (federation) calls. */
  public record Call(String door, String action, String requestId, Caller caller,
      String sourceAddress, Map<String, Object> parameters) {}

  /** Runs {@code operation} and records it: one metric sample and one audit record. */
  public <T> T record(Call call, Supplier<T> operation) {
    return record(call, operation, result -> true);
  }

  /**
   * Runs {@code operation}, records its metric, and writes an audit record only when it failed or
   * when {@code worthKeeping} says its result is (e.g. an authorisation decision that denied): the
   * hot authorisation path does not pay for a log line per allow.
   */
  public <T> T record(Call call, Supplier<T> operation, Predicate<? super T> worthKeeping) {
    long start = System.nanoTime();
    String code = "";
    boolean keep = true;
    try {
      T result = operation.get();
      keep = worthKeeping.test(result);
      return result;
    } catch (LanyardException e) {
      code = e.code().name();
      throw e;
    } catch (RuntimeException e) {
      code = "ServiceFailure";
      throw e;
    } finally {
      long nanos = System.nanoTime() - start;
      metrics.recordCall(call.door(), call.action(), code, nanos);
      if (keep) {
        write(call, code);
      }
    }
  }

  private void write(Call call, String code) {
    Caller c = call.caller();
    audit.record(new AuditRecord(clock.instant(), call.requestId(), nodeId, call.door(),
        call.action(), c == null ? null : c.arn(), c == null ? null : c.accessKeyId(),
        call.parameters(), code.isEmpty(), code.isEmpty() ? null : code, call.sourceAddress()));
  }

  /**
   * Audits a call refused before any handler ran (a bad or missing signature): the access key id
   * it claimed, if any (from the {@code Authorization} header's credential, never the signature), and
   * the AWS code.
   */
  public void recordRefusal(String door, String action, String requestId, String authorization,
      String sourceAddress, AwsErrorCode code) {
    metrics.recordCall(door, action, code.name(), 0);
    audit.record(new AuditRecord(clock.instant(), requestId, nodeId, door, action, null,
        claimedAccessKeyId(authorization), Map.of(), false, code.name(), sourceAddress));
  }

  /** The access key id named in an Authorization header's {@code Credential=}, or null. */
  static String claimedAccessKeyId(String authorization) {
    if (authorization == null) {
      return null;
    }
    int i = authorization.indexOf("Credential=");
    if (i < 0) {
      return null;
    }
    int end = authorization.indexOf('/', i);
    String id = end < 0 ? null : authorization.substring(i + "Credential=".length(), end);
    return id != null && id.matches("[A-Z0-9]{16,128}") ? id : null;
  }

  /**
   * Counts one authorisation decision by outcome: a metric only; which calls are audited is decided
   * by {@link #record(Call, Supplier, Predicate)}.
   */
  public void recordDecision(String outcome) {
    metrics.recordDecision(outcome, 1);
  }
}

package dev.lanyard.sts.query;

import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.query.QueryXml.ResultBody;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One STS action on the Query door: whether it must be signed, and how it reads its parameters into
 * a {@link Call} (before the call is recorded, so that unreadable parameters are refused like a
 * malformed message on the gRPC door).
 *
 * @param signed false only for the federation actions, whose proof is the identity provider's token
 * @param reader reads the parameters; throws {@link QueryProtocolException} or a service error
 */
record QueryAction(boolean signed, Function<QueryParameters, Call> reader) {
  QueryAction {
    Objects.requireNonNull(reader, "reader");
  }

  /** Runs the service operation once the caller is known. */
  @FunctionalInterface
  interface Operation {
    /**
     * @param caller the verified caller, null for unsigned (federation) actions
     * @param sourceAddress the peer's IP address, or null
     */
    ResultBody run(Caller caller, String sourceAddress);
  }

  /**
   * A read call, ready to run.
   *
   * @param auditParameters what the audit record keeps (never a secret)
   * @param operation the service operation
   */
  record Call(Map<String, Object> auditParameters, Operation operation) {
    Call {
      auditParameters = Map.copyOf(auditParameters);
      Objects.requireNonNull(operation, "operation");
    }
  }
}

package dev.lanyard.sdk.agent;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.lanyard.proto.common.v1.ErrorDetail;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sdk.credentials.CredentialsUnavailableException;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.function.Supplier;

/**
 * The unsigned instance calls of STS over the agent's client channel, their failures turned into
 * {@link CredentialsUnavailableException}s that say which call failed, with the server's AWS error
 * code and message (never a secret: the server puts none in its messages).
 */
final class InstanceCalls {
  private final SecurityTokenServiceGrpc.SecurityTokenServiceBlockingStub stub;

  InstanceCalls(Channel channel) {
    this.stub = SecurityTokenServiceGrpc.newBlockingStub(channel);
  }

  SecurityTokenServiceGrpc.SecurityTokenServiceBlockingStub stub() {
    return stub;
  }

  /** Runs one call; a failure names {@code call}. */
  static <T> T run(String call, Supplier<T> body) {
    try {
      return body.get();
    } catch (StatusRuntimeException e) {
      throw new CredentialsUnavailableException("Lanyard agent: " + call + " failed: " + describe(e), e);
    }
  }

  /** {@code <AWS code>: <message>}, or the gRPC status when the server sent no error detail. */
  static String describe(StatusRuntimeException e) {
    String message = e.getStatus().getDescription() != null ? e.getStatus().getDescription() : "";
    com.google.rpc.Status rich = StatusProto.fromThrowable(e);
    if (rich != null) {
      for (Any any : rich.getDetailsList()) {
        if (any.is(ErrorDetail.class)) {
          try {
            String code = any.unpack(ErrorDetail.class).getCode();
            if (!code.isEmpty()) {
              return code + ": " + message;
            }
          } catch (InvalidProtocolBufferException ignored) {
            break;
          }
        }
      }
    }
    return e.getStatus().getCode() + (message.isEmpty() ? "" : ": " + message);
  }
}

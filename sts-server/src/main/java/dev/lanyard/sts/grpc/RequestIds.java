package dev.lanyard.sts.grpc;

import io.grpc.Context;
import java.util.UUID;

/** The request id of the current call, put in the gRPC {@link Context} by {@link RequestIdInterceptor}. */
public final class RequestIds {
  static final Context.Key<String> KEY = Context.key("lanyard-request-id");

  private RequestIds() {}

  /** The current call's request id, or a fresh one outside a call. */
  public static String current() {
    String id = KEY.get();
    return id != null ? id : UUID.randomUUID().toString();
  }
}

package dev.lanyard.sts.grpc;

import io.grpc.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The request id of the current call, put in the gRPC {@link Context} by {@link RequestIdInterceptor}. */
public final class RequestIds {
  static final Context.Key<String> KEY = Context.key("lanyard-request-id");

  private RequestIds() {}

  /** The current call's request id, or a fresh one outside a call. */
  public static String current() {
    String id = KEY.get();
    return id != null ? id : newId();
  }

  /**
   * A fresh request id: a random (version 4) UUID, as AWS's {@code RequestId}. Request ids only need
   * to be unique, not unpredictable, so they come from {@link ThreadLocalRandom}:
   * {@link UUID#randomUUID()} draws on the JVM's shared {@code SecureRandom}, whose lock made calls
   * wait up to 10 ms for each other under load.
   */
  public static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(high, low).toString();
  }
}

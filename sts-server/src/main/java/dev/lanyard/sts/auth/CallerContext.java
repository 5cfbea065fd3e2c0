package dev.lanyard.sts.auth;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import io.grpc.Context;

/** Where the authentication interceptor leaves the {@link Caller} for handlers. */
public final class CallerContext {
  /** The key under which the authenticated caller travels in the gRPC {@link Context}. */
  public static final Context.Key<Caller> KEY = Context.key("lanyard-caller");

  private CallerContext() {}

  /** The current call's caller; {@code MissingAuthenticationToken} when the call is unauthenticated. */
  public static Caller current() {
    Caller caller = KEY.get();
    if (caller == null) {
      throw new LanyardException(AwsErrorCode.MissingAuthenticationToken,
          "this call must be signed with AWS Signature Version 4 (an access key, or session credentials)");
    }
    return caller;
  }

  /** The caller, or null for unsigned calls (federation). */
  public static Caller currentOrNull() {
    return KEY.get();
  }
}

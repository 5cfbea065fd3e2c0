package dev.lanyard.sdk.client;

import dev.lanyard.sdk.credentials.Credentials;
import java.time.Instant;

/** Converts the STS response's credentials into the SDK's {@link Credentials}. */
public final class StsCredentials {
  private StsCredentials() {}

  /**
   * @throws IllegalArgumentException naming the missing field when the response lacks one
   */
  public static Credentials fromProto(dev.lanyard.proto.sts.v1.Credentials proto) {
    if (proto == null || proto.getAccessKeyId().isEmpty()) {
      throw new IllegalArgumentException("Credentials.access_key_id: the STS response carries no credentials");
    }
    if (proto.getSessionToken().isEmpty()) {
      throw new IllegalArgumentException("Credentials.session_token: missing from the STS response");
    }
    if (!proto.hasExpiration()) {
      throw new IllegalArgumentException("Credentials.expiration: missing from the STS response");
    }
    Instant expiration = Instant.ofEpochSecond(proto.getExpiration().getSeconds(), proto.getExpiration().getNanos());
    return Credentials.session(proto.getAccessKeyId(), proto.getSecretAccessKey(), proto.getSessionToken(), expiration);
  }
}

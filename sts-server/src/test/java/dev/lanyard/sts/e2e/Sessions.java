package dev.lanyard.sts.e2e;

import dev.lanyard.proto.authz.v1.AuthorizeRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.sdk.credentials.Credentials;
import java.time.Instant;

/** Small builders shared by the end-to-end scenarios. */
final class Sessions {
  private Sessions() {}

  /** The SDK credentials of an STS result. */
  static Credentials of(dev.lanyard.proto.sts.v1.Credentials c) {
    return Credentials.session(c.getAccessKeyId(), c.getSecretAccessKey(), c.getSessionToken(),
        Instant.ofEpochSecond(c.getExpiration().getSeconds(), c.getExpiration().getNanos()));
  }

  /** An AssumeRole request for {@code roleArn} with {@code sessionName}. */
  static AssumeRoleRequest.Builder assume(String roleArn, String sessionName) {
    return AssumeRoleRequest.newBuilder().setRoleArn(roleArn).setRoleSessionName(sessionName);
  }

  static String roleArn(String account, String name) {
    return "arn:aws:iam::" + account + ":role/" + name;
  }

  /** An Authorize request about the signing caller itself. */
  static AuthorizeRequest ask(String action, String resource) {
    return AuthorizeRequest.newBuilder().setAction(action).setResource(resource).build();
  }
}

package dev.lanyard.sts.authz;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;

/**
 * {@code AccessDenied}, carrying an AWS-style encoded authorisation message that explains the
 * denial to callers allowed to decode it ({@code sts:DecodeAuthorizationMessage}).
 */
public final class AccessDeniedException extends LanyardException {
  private static final long serialVersionUID = 1L;

  private final String encodedMessage;

  public AccessDeniedException(String message, String encodedMessage) {
    super(AwsErrorCode.AccessDenied, message, false);
    this.encodedMessage = encodedMessage;
  }

  public String encodedMessage() {
    return encodedMessage;
  }
}

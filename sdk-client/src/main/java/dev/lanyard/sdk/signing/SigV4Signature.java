package dev.lanyard.sdk.signing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of signing: the headers to send. {@link #toString()} leaves out the session token.
 *
 * @param authorization the {@code Authorization} header
 * @param amzDate the {@code X-Amz-Date} header
 * @param sessionToken the {@code X-Amz-Security-Token} header, or {@code null} for long-term keys
 * @param signedRequest the request as signed, with the three headers added
 */
public record SigV4Signature(
    AuthorizationHeader authorization,
    String amzDate,
    String sessionToken,
    SignableRequest signedRequest) {

  /** The headers to add to the request: authorization, x-amz-date and x-amz-security-token. */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(AuthorizationHeader.HEADER, authorization.format());
    headers.put(AmzDate.HEADER, amzDate);
    if (sessionToken != null) {
      headers.put(SigV4Signer.SECURITY_TOKEN_HEADER, sessionToken);
    }
    return headers;
  }

  @Override
  public String toString() {
    return "SigV4Signature[" + authorization.format() + ", x-amz-date=" + amzDate
        + (sessionToken == null ? "" : ", x-amz-security-token=(set)") + "]";
  }
}

package dev.lanyard.sdk.signing.grpc;

import dev.lanyard.sdk.signing.AmzDate;
import dev.lanyard.sdk.signing.AuthorizationHeader;
import dev.lanyard.sdk.signing.SigV4Signer;
import dev.lanyard.sdk.signing.SignableRequest;
import io.grpc.Metadata;
import java.util.Objects;

/**
 * The HTTP request that SigV4 signs for a gRPC call, the same for client and server:
 *
 * <ul>
 *   <li>method {@code POST}, path {@code /<package.Service>/<Method>} (the full method name), no
 *       query;
 *   <li>header {@code host} = the call's {@code :authority}; {@code x-amz-date} and, with session
 *       credentials, {@code x-amz-security-token} (sent as gRPC metadata, with
 *       {@code authorization});
 *   <li>payload = the serialized request message exactly as sent. Calls in which the client sends
 *       more or fewer than one message (client and bidi streaming) sign an empty payload.
 * </ul>
 *
 * Every Lanyard gRPC service is signed with the service name {@value #SERVICE} and the region the
 * server is configured with ({@value #DEFAULT_REGION} unless configured).
 */
public final class GrpcRequestView {
  /** The SigV4 service name for every Lanyard gRPC call. */
  public static final String SERVICE = "sts";
  /** The region a client signs for unless configured otherwise. */
  public static final String DEFAULT_REGION = "us-east-1";
  /** The HTTP method of the view. */
  public static final String METHOD = "POST";

  /** The {@code authorization} metadata key. */
  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of(AuthorizationHeader.HEADER, Metadata.ASCII_STRING_MARSHALLER);
  /** The {@code x-amz-date} metadata key. */
  public static final Metadata.Key<String> AMZ_DATE =
      Metadata.Key.of(AmzDate.HEADER, Metadata.ASCII_STRING_MARSHALLER);
  /** The {@code x-amz-security-token} metadata key. */
  public static final Metadata.Key<String> SECURITY_TOKEN =
      Metadata.Key.of(SigV4Signer.SECURITY_TOKEN_HEADER, Metadata.ASCII_STRING_MARSHALLER);

  private GrpcRequestView() {}

  /** The path of a method: {@code "/" + fullMethodName}. */
  public static String path(String fullMethodName) {
    return "/" + Objects.requireNonNull(fullMethodName, "fullMethodName");
  }

  /** The view a client signs: host and payload only; the signer adds the date and token. */
  public static SignableRequest toSign(String fullMethodName, String authority, byte[] message) {
    return SignableRequest.builder(METHOD, path(fullMethodName))
        .header("host", requireAuthority(authority))
        .payload(message)
        .build();
  }

  /**
   * The view a server verifies: host = the call's authority, every ASCII metadata entry as a
   * header (binary {@code -bin} entries cannot be signed and are left out), and the received
   * message bytes (not a re-serialization of the parsed message).
   */
  public static SignableRequest received(
      String fullMethodName, String authority, Metadata headers, byte[] message) {
    SignableRequest.Builder view =
        SignableRequest.builder(METHOD, path(fullMethodName)).payload(message);
    for (String name : headers.keys()) {
      if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX) || name.equals("host")) {
        continue;
      }
      Iterable<String> values = headers.getAll(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
      if (values != null) {
        for (String value : values) {
          view.header(name, value);
        }
      }
    }
    return view.header("host", requireAuthority(authority)).build();
  }

  private static String requireAuthority(String authority) {
    if (authority == null || authority.isEmpty()) {
      throw new IllegalArgumentException(
          "authority: the call's :authority (host[:port]) is required to sign or verify it, got "
              + (authority == null ? "none" : "an empty string"));
    }
    return authority;
  }
}

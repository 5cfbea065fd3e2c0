package dev.lanyard.sts.e2e;

import dev.lanyard.sdk.signing.grpc.RawMessageMarshaller;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs unary gRPC calls with the AWS SDK for Java v2's own SigV4 signer ({@link AwsV4HttpSigner}),
 * over Lanyard's HTTP view of a call: {@code POST /<package.Service>/<Method>}, host = the call's
 * authority, payload = the serialized request. As the Lanyard SDK's interceptor does, the call is
 * started only when its message is known; every header the AWS signer produced but {@code host}
 * (which gRPC sends as {@code :authority}) travels as metadata, and the signed bytes are sent as
 * they are.
 */
final class AwsSdkSigningInterceptor implements ClientInterceptor {
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final AwsCredentialsIdentity identity;
  private final String region;

  /** @param identity long-term ({@code AwsCredentialsIdentity}) or session ({@code AwsSessionCredentialsIdentity}) */
  AwsSdkSigningInterceptor(AwsCredentialsIdentity identity, String region) {
    this.identity = identity;
    this.region = region;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    if (method.getType() != MethodDescriptor.MethodType.UNARY) {
      throw new IllegalArgumentException(method.getFullMethodName() + " is not unary; this test signer signs unary calls");
    }
    String authority = options.getAuthority() != null ? options.getAuthority() : next.authority();
    MethodDescriptor<byte[], R> raw =
        method.toBuilder(RawMessageMarshaller.INSTANCE, method.getResponseMarshaller()).build();
    return new HeldCall<>(next.newCall(raw, options), method.getRequestMarshaller(),
        bytes -> sign(method.getFullMethodName(), authority, bytes));
  }

  /** The headers the AWS signer adds for this call, host left out. */
  private Map<String, List<String>> sign(String fullMethodName, String authority, byte[] payload) {
    URI endpoint = URI.create("http://" + authority);
    SdkHttpFullRequest request = SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.POST)
        .protocol(endpoint.getScheme())
        .host(endpoint.getHost())
        .port(endpoint.getPort())
        .encodedPath("/" + fullMethodName)
        .build();
    SignedRequest signed = signer.sign(r -> r.identity(identity)
        .request(request)
        .payload(ContentStreamProvider.fromByteArray(payload))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    return signed.request().headers();
  }

  /** A unary call held back until its message arrives, then signed and started. */
  private static final class HeldCall<Q, R> extends ClientCall<Q, R> {
    private final ClientCall<byte[], R> delegate;
    private final MethodDescriptor.Marshaller<Q> marshaller;
    private final Function<byte[], Map<String, List<String>>> signing;
    private Listener<R> listener;
    private Metadata headers;
    private boolean started;
    private int pendingRequests;

    HeldCall(ClientCall<byte[], R> delegate, MethodDescriptor.Marshaller<Q> marshaller,
        Function<byte[], Map<String, List<String>>> signing) {
      this.delegate = delegate;
      this.marshaller = marshaller;
      this.signing = signing;
    }

    @Override
    public synchronized void start(Listener<R> responseListener, Metadata requestHeaders) {
      listener = responseListener;
      headers = requestHeaders;
    }

    @Override
    public synchronized void request(int numMessages) {
      if (started) {
        delegate.request(numMessages);
      } else {
        pendingRequests += numMessages;
      }
    }

    @Override
    public synchronized void sendMessage(Q message) {
      byte[] bytes;
      try (InputStream in = marshaller.stream(message)) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      signing.apply(bytes).forEach((name, values) -> {
        String key = name.toLowerCase(Locale.ROOT);
        if (!key.equals("host")) {
          Metadata.Key<String> k = Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER);
          headers.discardAll(k);
          values.forEach(v -> headers.put(k, v));
        }
      });
      started = true;
      delegate.start(listener, headers);
      if (pendingRequests > 0) {
        delegate.request(pendingRequests);
      }
      delegate.sendMessage(bytes);
    }

    @Override
    public synchronized void halfClose() {
      if (started) {
        delegate.halfClose();
      }
    }

    @Override
    public synchronized void cancel(String message, Throwable cause) {
      if (!started && listener != null) {
        started = true;
        delegate.start(listener, headers);
      }
      delegate.cancel(message, cause);
    }
  }
}

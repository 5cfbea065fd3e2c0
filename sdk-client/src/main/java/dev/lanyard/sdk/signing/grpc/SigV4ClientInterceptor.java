package dev.lanyard.sdk.signing.grpc;

import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.signing.CredentialScope;
import dev.lanyard.sdk.signing.SigV4Signer;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Signs every gRPC call with SigV4 over {@link GrpcRequestView}: service {@value
 * GrpcRequestView#SERVICE}, the configured region, credentials fetched from a supplier for each
 * call (so rotated credentials are picked up).
 *
 * <p>The signature covers the request message, so the call is started only when the message is
 * sent: {@code start()} is held back, the message is serialized with the method's marshaller,
 * signed, and then the call starts with the {@code authorization}, {@code x-amz-date} and
 * {@code x-amz-security-token} metadata and sends exactly the signed bytes. Interceptors that run
 * after this one (nearer the channel) see the message as {@code byte[]}. If the credentials
 * cannot be had, the call is cancelled with the cause.
 */
public final class SigV4ClientInterceptor implements ClientInterceptor {
  private final Supplier<Credentials> credentials;
  private final String region;
  private final Clock clock;
  private final SigV4Signer signer = new SigV4Signer();

  /**
   * @param credentials asked once per call
   * @param region the region to sign for; the server's configured region
   * @param clock the time written to {@code x-amz-date}
   */
  public SigV4ClientInterceptor(Supplier<Credentials> credentials, String region, Clock clock) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.clock = Objects.requireNonNull(clock, "clock");
    CredentialScope.of(clock.instant(), region, GrpcRequestView.SERVICE); // validates the region
    this.region = region;
  }

  /** Signs for {@value GrpcRequestView#DEFAULT_REGION} with the system clock. */
  public static SigV4ClientInterceptor create(Supplier<Credentials> credentials) {
    return new SigV4ClientInterceptor(credentials, GrpcRequestView.DEFAULT_REGION, Clock.systemUTC());
  }

  @Override
  public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
      MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
    String authority = callOptions.getAuthority() != null ? callOptions.getAuthority() : next.authority();
    MethodDescriptor<byte[], RespT> raw =
        method.toBuilder(RawMessageMarshaller.INSTANCE, method.getResponseMarshaller()).build();
    CallSigner callSigner = message -> signer.sign(
        GrpcRequestView.toSign(method.getFullMethodName(), authority, message),
        credentials.get(),
        region,
        GrpcRequestView.SERVICE,
        clock.instant());
    return new SigningClientCall<>(
        next.newCall(raw, callOptions),
        method.getRequestMarshaller(),
        method.getType().clientSendsOneMessage(),
        callSigner);
  }
}

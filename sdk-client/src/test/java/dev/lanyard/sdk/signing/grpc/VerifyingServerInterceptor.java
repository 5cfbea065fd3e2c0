package dev.lanyard.sdk.signing.grpc;

import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.signing.InvalidSignatureException;
import dev.lanyard.sdk.signing.SigV4Verifier;
import dev.lanyard.sdk.signing.SignableRequest;
import dev.lanyard.sdk.signing.SignatureClaim;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test server's authentication: recomputes each call's signature over the bytes received, with
 * the SDK's verification helpers, against a fixed set of known credentials. Runs on services
 * whose messages are raw bytes ({@code ServerInterceptors.useMarshalledMessages}).
 */
final class VerifyingServerInterceptor implements ServerInterceptor {
  static final Context.Key<String> ACCESS_KEY_ID = Context.key("verified-access-key-id");

  private final SigV4Verifier verifier;
  private final String region;
  private final Map<String, Credentials> known;
  final AtomicReference<SignatureClaim> lastClaim = new AtomicReference<>();
  final AtomicReference<Metadata> lastHeaders = new AtomicReference<>();

  VerifyingServerInterceptor(SigV4Verifier verifier, String region, Map<String, Credentials> known) {
    this.verifier = verifier;
    this.region = region;
    this.known = Map.copyOf(known);
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    lastHeaders.set(headers);
    call.request(1);
    return new ServerCall.Listener<>() {
      private ServerCall.Listener<ReqT> delegate;

      @Override
      public void onMessage(ReqT message) {
        if (delegate != null) {
          delegate.onMessage(message);
          return;
        }
        try {
          String accessKeyId = authenticate(call, headers, (byte[]) message);
          delegate = Contexts.interceptCall(
              Context.current().withValue(ACCESS_KEY_ID, accessKeyId), call, headers, next);
          delegate.onMessage(message);
        } catch (InvalidSignatureException e) {
          call.close(Status.UNAUTHENTICATED.withDescription(e.awsErrorCode() + ": " + e.getMessage()),
              new Metadata());
        }
      }

      @Override
      public void onHalfClose() {
        if (delegate != null) {
          delegate.onHalfClose();
        }
      }

      @Override
      public void onCancel() {
        if (delegate != null) {
          delegate.onCancel();
        }
      }

      @Override
      public void onComplete() {
        if (delegate != null) {
          delegate.onComplete();
        }
      }

      @Override
      public void onReady() {
        if (delegate != null) {
          delegate.onReady();
        }
      }
    };
  }

  private String authenticate(ServerCall<?, ?> call, Metadata headers, byte[] message) {
    SignableRequest view =
        GrpcRequestView.received(
            call.getMethodDescriptor().getFullMethodName(), call.getAuthority(), headers, message);
    SignatureClaim claim = verifier.claim(view);
    lastClaim.set(claim);
    verifier.requireScope(claim, region, GrpcRequestView.SERVICE);
    verifier.requireFresh(claim);
    Credentials credentials = known.get(claim.accessKeyId());
    if (credentials == null || !Objects.equals(credentials.sessionToken(), claim.sessionToken())) {
      throw new InvalidSignatureException(
          InvalidSignatureException.Reason.SIGNATURE_DOES_NOT_MATCH, "unknown access key or session token");
    }
    verifier.verify(view, claim, credentials.secretAccessKey());
    return claim.accessKeyId();
  }
}

package dev.lanyard.sdk.signing.grpc;

import dev.lanyard.sdk.signing.SigV4Signature;
import io.grpc.Attributes;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * A call whose start waits for the request message, so that the message can be signed. Calls in
 * which the client does not send exactly one message are signed over an empty payload at start.
 */
final class SigningClientCall<ReqT, RespT> extends ClientCall<ReqT, RespT> {
  private static final byte[] EMPTY = new byte[0];

  private final ClientCall<byte[], RespT> delegate;
  private final MethodDescriptor.Marshaller<ReqT> requestMarshaller;
  private final boolean signsMessage;
  private final CallSigner signer;

  private Listener<RespT> listener;
  private Metadata headers;
  private boolean delegateStarted;
  private boolean signingFailed;
  private int pendingRequests;
  private Boolean pendingCompression;

  SigningClientCall(
      ClientCall<byte[], RespT> delegate,
      MethodDescriptor.Marshaller<ReqT> requestMarshaller,
      boolean signsMessage,
      CallSigner signer) {
    this.delegate = delegate;
    this.requestMarshaller = requestMarshaller;
    this.signsMessage = signsMessage;
    this.signer = signer;
  }

  @Override
  public synchronized void start(Listener<RespT> responseListener, Metadata requestHeaders) {
    if (listener != null) {
      throw new IllegalStateException("the call was already started");
    }
    listener = responseListener;
    headers = requestHeaders;
    if (!signsMessage) {
      startSigned(EMPTY);
    }
  }

  @Override
  public synchronized void request(int numMessages) {
    if (signingFailed) {
      return;
    }
    if (delegateStarted) {
      delegate.request(numMessages);
    } else {
      pendingRequests += numMessages;
    }
  }

  @Override
  public synchronized void setMessageCompression(boolean enabled) {
    if (signingFailed) {
      return;
    }
    if (delegateStarted) {
      delegate.setMessageCompression(enabled);
    } else {
      pendingCompression = enabled;
    }
  }

  @Override
  public synchronized void sendMessage(ReqT message) {
    if (signingFailed) {
      return;
    }
    byte[] bytes = serialize(message);
    if (!delegateStarted) {
      if (!startSigned(bytes)) {
        return;
      }
    }
    delegate.sendMessage(bytes);
  }

  @Override
  public synchronized void halfClose() {
    if (signingFailed) {
      return;
    }
    if (!delegateStarted && !startSigned(EMPTY)) {
      return;
    }
    delegate.halfClose();
  }

  @Override
  public synchronized void cancel(String message, Throwable cause) {
    if (signingFailed) {
      return;
    }
    if (!delegateStarted && listener != null) {
      delegateStarted = true;
      delegate.start(listener, headers);
    }
    delegate.cancel(message, cause);
  }

  @Override
  public synchronized boolean isReady() {
    return delegateStarted && delegate.isReady();
  }

  @Override
  public Attributes getAttributes() {
    return delegate.getAttributes();
  }

  /** Signs, starts the delegate and replays what was held back; false if signing failed. */
  private boolean startSigned(byte[] message) {
    if (listener == null) {
      throw new IllegalStateException("start() must be called before sending");
    }
    SigV4Signature signature;
    try {
      signature = signer.sign(message);
    } catch (RuntimeException e) {
      signingFailed = true;
      delegateStarted = true;
      delegate.start(listener, headers);
      delegate.cancel("Lanyard could not sign the call: " + e.getMessage(), e);
      return false;
    }
    headers.discardAll(GrpcRequestView.AUTHORIZATION);
    headers.discardAll(GrpcRequestView.AMZ_DATE);
    headers.discardAll(GrpcRequestView.SECURITY_TOKEN);
    headers.put(GrpcRequestView.AUTHORIZATION, signature.authorization().format());
    headers.put(GrpcRequestView.AMZ_DATE, signature.amzDate());
    if (signature.sessionToken() != null) {
      headers.put(GrpcRequestView.SECURITY_TOKEN, signature.sessionToken());
    }
    delegateStarted = true;
    delegate.start(listener, headers);
    if (pendingCompression != null) {
      delegate.setMessageCompression(pendingCompression);
    }
    if (pendingRequests > 0) {
      delegate.request(pendingRequests);
    }
    return true;
  }

  private byte[] serialize(ReqT message) {
    return RawMessageMarshaller.INSTANCE.parse(requestMarshaller.stream(message));
  }
}

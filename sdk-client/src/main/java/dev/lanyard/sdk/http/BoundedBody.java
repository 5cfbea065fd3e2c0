package dev.lanyard.sdk.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: a larger body cancels the download and fails, so
 * a broken or hostile server (an identity provider, a JWKS endpoint) cannot make the reader buffer
 * without bound. Bodies of answers other than 200 are discarded unread. Used by the SDK's token
 * verifier and the server's OIDC key fetcher.
 */
public final class BoundedBody {
  private BoundedBody() {}

  /** Reads a 200 answer's body of at most {@code maxBytes}; any other status yields no body. */
  public static BodyHandler<byte[]> handler(int maxBytes) {
    return info -> info.statusCode() == 200
        ? new Subscriber(maxBytes)
        : BodySubscribers.replacing(new byte[0]);
  }

  /** The body's failure when it passes the limit. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(int maxBytes) {
      super("the response body is larger than " + maxBytes + " bytes");
    }
  }

  private static final class Subscriber implements BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int maxBytes;
    private Flow.Subscription subscription;

    Subscriber(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if ((long) bytes.size() + buffer.remaining() > maxBytes) {
          subscription.cancel();
          body.completeExceptionally(new TooLarge(maxBytes));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toByteArray());
    }
  }
}

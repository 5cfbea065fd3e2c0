package dev.lanyard.load;

import dev.lanyard.load.idp.LoopbackOidcProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The ID tokens of the web-identity scenario, from the generator's own provider, handed out in
 * turn. Lanyard, like AWS, keeps no replay record of web identity tokens (only SAML assertions are
 * accepted once), so a token may be exchanged many times while valid, as an SDK does with a web
 * identity token file. A pool of {@value #POOL_SIZE} distinct tokens (each its own {@code jti})
 * lasting {@link #LIFETIME} is minted up front and again, in the background, every third of that:
 * no call presents a token near its expiry, and no call waits for an RSA signature. The server
 * still verifies every token in full: it caches the provider's keys, not verified tokens.
 */
final class WebIdentityTokens implements AutoCloseable {
  /** The audience of the tokens: the client id registered for the provider. */
  static final String CLIENT_ID = "lanyard-load";
  /** The subject of the tokens, which the load role's trust policy requires. */
  static final String SUBJECT = "lanyard-load-generator";
  static final int POOL_SIZE = 32;
  static final Duration LIFETIME = Duration.ofMinutes(10);

  private final LoopbackOidcProvider idp;
  private final Clock clock;
  private final ScheduledExecutorService refresher;
  private volatile List<String> pool;

  WebIdentityTokens(LoopbackOidcProvider idp, Clock clock) {
    this.idp = idp;
    this.clock = clock;
    this.pool = mint();
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lanyard-load-id-tokens");
      t.setDaemon(true);
      return t;
    });
    long period = LIFETIME.toMillis() / 3;
    refresher.scheduleAtFixedRate(() -> pool = mint(), period, period, TimeUnit.MILLISECONDS);
  }

  /** The token for call number {@code sequence}. */
  String token(long sequence) {
    List<String> current = pool;
    return current.get((int) (sequence % current.size()));
  }

  private List<String> mint() {
    Instant now = clock.instant();
    List<String> tokens = new ArrayList<>(POOL_SIZE);
    for (int i = 0; i < POOL_SIZE; i++) {
      tokens.add(idp.token(SUBJECT, CLIENT_ID, now, LIFETIME));
    }
    return List.copyOf(tokens);
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }

  @Override
  public String toString() {
    return "WebIdentityTokens[" + POOL_SIZE + " from " + idp.url() + "]";
  }
}

package dev.lanyard.sts.token;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import dev.lanyard.sts.keys.DataKey;
import dev.lanyard.sts.keys.KeyRings;
import dev.lanyard.sts.keys.LiveKeyRings;
import dev.lanyard.sts.keys.SigningKey;
import dev.lanyard.sts.token.TokenRejectedException.Reason;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import javax.crypto.AEADBadTagException;

/**
 * Verifies session tokens against this node's key rings and clock, in this order: shape, header
 * ({@code typ}, {@code kid} in the ring, {@code alg} exactly the key's), signature, issuer, expiry,
 * issue time (future by at most the allowed skew), then opens the sealed secret. Verified sessions
 * are cached by token digest until the token expires, and a cached session is checked against the
 * clock and the ring again on every read. Thread-safe.
 */
public final class SessionTokenVerifier {
  /** Default cache bound, in sessions. */
  public static final int DEFAULT_CACHE_SIZE = 100_000;
  /** Default allowance for an issue time ahead of this node's clock. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
  /** The largest clock skew accepted, as for SigV4 request times. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
  /** Longer tokens are refused before parsing. */
  static final int MAX_TOKEN_CHARS = 32_768;

  private static final Set<String> HEADER_PARAMETERS = Set.of("alg", "kid", "typ");

  private final String expectedIssuer;
  private final LiveKeyRings keys;
  private final Clock clock;
  private final Duration clockSkew;
  private final VerifiedSessionCache cache;

  /**
   * @param expectedIssuer the {@code iss} tokens must carry
   * @param clockSkew how far ahead of this clock an issue time may be; 0 to {@link
   *     #MAX_CLOCK_SKEW}. Expiry gets no allowance.
   * @param cacheSize the most verified sessions kept; 0 disables the cache
   */
  public SessionTokenVerifier(
      String expectedIssuer, LiveKeyRings keys, Clock clock, Duration clockSkew, int cacheSize) {
    if (expectedIssuer == null || expectedIssuer.isBlank()) {
      throw new IllegalArgumentException("expectedIssuer: must be a non-blank string");
    }
    if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException(
          "clockSkew: " + clockSkew + " is outside the accepted range 0 to " + MAX_CLOCK_SKEW);
    }
    this.expectedIssuer = expectedIssuer;
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.clockSkew = clockSkew;
    this.cache = new VerifiedSessionCache(cacheSize, clock);
  }

  /**
   * The verified session this token carries.
   *
   * @throws TokenRejectedException with the reason the token is refused
   */
  public VerifiedSession verify(String token) throws TokenRejectedException {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw reject(Reason.MALFORMED, "the session token is missing or longer than "
          + MAX_TOKEN_CHARS + " characters");
    }
    TokenDigest digest = TokenDigest.of(token);
    KeyRings rings = keys.current();
    VerifiedSession cached = cache.get(digest);
    if (cached != null) {
      try {
        checkStillValid(cached, rings);
        return cached;
      } catch (TokenRejectedException e) {
        cache.invalidate(digest);
        throw e;
      }
    }
    VerifiedSession verified = verifyUncached(token, rings);
    cache.put(digest, verified);
    return verified;
  }

  /** Verified sessions cached now; for tests and metrics. */
  long cachedSessions() {
    return cache.size();
  }

  private VerifiedSession verifyUncached(String token, KeyRings rings)
      throws TokenRejectedException {
    JWSObject jws;
    try {
      jws = JWSObject.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw reject(Reason.MALFORMED, "the session token is not a signed JWT (compact JWS)");
    }
    JWSHeader header = jws.getHeader();
    if (!HEADER_PARAMETERS.containsAll(header.getIncludedParams())) {
      throw reject(Reason.MALFORMED,
          "the session token's header may hold only alg, kid and typ");
    }
    if (!SessionTokenIssuer.TOKEN_TYPE.equals(header.getType())) {
      throw reject(Reason.WRONG_TYPE,
          "the token is not a Lanyard session token; its typ must be " + SessionTokenFormat.TYPE);
    }
    String kid = header.getKeyID();
    if (kid == null) {
      throw reject(Reason.MALFORMED, "the session token's header names no kid");
    }
    SigningKey key = rings.signing().verificationKey(kid).orElseThrow(() -> reject(
        Reason.UNKNOWN_KEY, "the session token was signed by a key this service does not know"));
    if (!key.verifies(jws)) {
      throw reject(Reason.BAD_SIGNATURE, "the session token's signature or algorithm is not valid");
    }
    SessionClaims claims = SessionClaimsCodec.decode(jws.getPayload().toBytes());
    if (!expectedIssuer.equals(claims.issuer())) {
      throw reject(Reason.WRONG_ISSUER, "the session token was issued by another service");
    }
    Instant now = clock.instant();
    checkNotExpired(claims, now);
    if (claims.issuedAt().isAfter(now.plus(clockSkew))) {
      throw reject(Reason.NOT_YET_VALID, "the session token's issue time " + claims.issuedAt()
          + " is in the future; check the clocks of the servers");
    }
    DataKey dataKey = rings.data().key(claims.sealedSecret().dataKeyId()).orElseThrow(() -> reject(
        Reason.UNKNOWN_KEY, "the session token names a data key this service does not know"));
    char[] secret;
    try {
      secret = SecretSeal.open(dataKey, claims.sealedSecret(), claims.accessKeyId(), kid);
    } catch (AEADBadTagException e) {
      throw reject(Reason.BAD_SEAL, "the session token's sealed secret does not belong to it");
    }
    return new VerifiedSession(claims, new SessionSecret(secret), kid);
  }

  private void checkStillValid(VerifiedSession session, KeyRings rings)
      throws TokenRejectedException {
    checkNotExpired(session.claims(), clock.instant());
    if (rings.signing().verificationKey(session.signingKeyId()).isEmpty()) {
      throw reject(Reason.UNKNOWN_KEY,
          "the session token was signed by a key this service no longer publishes");
    }
  }

  private static void checkNotExpired(SessionClaims claims, Instant now)
      throws TokenRejectedException {
    if (!now.isBefore(claims.expiresAt())) {
      throw reject(Reason.EXPIRED, "the security token included in the request expired at "
          + claims.expiresAt() + " (ExpiredToken); request new temporary credentials");
    }
  }

  private static TokenRejectedException reject(Reason reason, String message) {
    String code = reason == Reason.EXPIRED ? "" : " (InvalidClientTokenId)";
    return new TokenRejectedException(reason, message + code);
  }
}

package dev.lanyard.sts.token;

import com.nimbusds.jose.JOSEObjectType;
import dev.lanyard.sts.keys.DataKey;
import dev.lanyard.sts.keys.KeyRings;
import dev.lanyard.sts.keys.LiveKeyRings;
import dev.lanyard.sts.keys.SigningKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Mints sessions: fresh credentials, the secret sealed under the active data key, the claims signed
 * by the active signing key. Stateless and thread-safe; nothing is written per session.
 */
public final class SessionTokenIssuer {
  static final JOSEObjectType TOKEN_TYPE = new JOSEObjectType(SessionTokenFormat.TYPE);

  private final String issuer;
  private final LiveKeyRings keys;
  private final Duration maxLifetime;
  private final Clock clock;
  private final SecureRandom random;
  private final AccessKeyMint mint;

  /**
   * @param issuer the {@code iss} of every token; verifiers expect the same value
   * @param maxLifetime the longest session this issuer mints: the rotation policy's {@code
   *     maxTokenLifetime}, so that no token outlives its key's publication
   */
  public SessionTokenIssuer(
      String issuer, LiveKeyRings keys, Duration maxLifetime, Clock clock, SecureRandom random) {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("issuer: must be a non-blank string, e.g. the server URL");
    }
    this.issuer = issuer;
    this.keys = Objects.requireNonNull(keys, "keys");
    this.maxLifetime = Objects.requireNonNull(maxLifetime, "maxLifetime");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.mint = new AccessKeyMint(random);
  }

  /**
   * Mints a session for {@code grant} lasting {@code duration} (whole seconds) from now. The
   * caller has already applied the operation's own duration limits (900 s minimum, the role's
   * maximum, 1 h when chaining).
   *
   * @throws IllegalArgumentException when the duration is not positive or exceeds the maximum token
   *     lifetime (ValidationError on DurationSeconds)
   * @throws IllegalStateException when the rings have no ACTIVE key yet
   */
  public IssuedSession issue(SessionGrant grant, Duration duration) {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(duration, "duration");
    if (duration.getSeconds() < 1 || duration.compareTo(maxLifetime) > 0) {
      throw new IllegalArgumentException("DurationSeconds: " + duration.getSeconds()
          + " is outside what this server mints; give 1 to " + maxLifetime.getSeconds()
          + " seconds (ValidationError)");
    }
    KeyRings rings = keys.current();
    SigningKey signingKey = rings.signing().activeKey();
    DataKey dataKey = rings.data().activeKey();
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plusSeconds(duration.getSeconds());

    String accessKeyId = mint.newAccessKeyId();
    char[] secret = mint.newSecret();
    SealedSecret sealed = SecretSeal.seal(dataKey, secret, accessKeyId, signingKey.kid(), random);
    SessionClaims claims =
        new SessionClaims(issuer, grant, issuedAt, expiresAt, accessKeyId, sealed);
    String token = signingKey.sign(TOKEN_TYPE, SessionClaimsCodec.encode(claims));
    return new IssuedSession(
        new SessionCredentials(accessKeyId, new SessionSecret(secret), token, expiresAt), claims);
  }
}

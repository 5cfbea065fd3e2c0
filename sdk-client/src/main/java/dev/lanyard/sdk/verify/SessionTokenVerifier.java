package dev.lanyard.sdk.verify;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import dev.lanyard.sdk.verify.SessionTokenRejectedException.Reason;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Verifies Lanyard session tokens locally, offline, against the server's published JWKS (see
 * {@link JwksCache} for how keys are fetched and kept). A token passes when, in this order: it is a
 * compact JWS of at most {@value #MAX_TOKEN_CHARS} characters whose header holds only {@code alg},
 * {@code kid} and {@code typ}; {@code typ} is {@value #TOKEN_TYPE}; {@code alg} is EdDSA or ES256 and
 * exactly its key's ({@code none} and HMAC are refused); the key is published; the signature
 * verifies; the issuer is the expected one; it has not expired and was not issued in the future,
 * both within the clock skew. The session's sealed secret is never opened: a service that only
 * needs to know who calls never holds it. Thread-safe; one instance per issuer serves a whole
 * process.
 *
 * <pre>{@code
 * SessionTokenVerifier verifier = SessionTokenVerifier.forIssuer("https://sts.example.internal").build();
 * VerifiedSessionToken session = verifier.verify(token);
 * }</pre>
 */
public final class SessionTokenVerifier {
  /** The JOSE {@code typ} of a Lanyard session token. */
  public static final String TOKEN_TYPE = "lanyard-session+jwt";
  /** Where a Lanyard server publishes its keys, under its issuer URL. */
  public static final String JWKS_PATH = "/.well-known/jwks.json";
  /** Default allowance for clocks that disagree, applied to expiry and issue time. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
  /** The largest clock skew accepted, as for SigV4 request times. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
  /** Longer tokens are refused before parsing. */
  public static final int MAX_TOKEN_CHARS = 32_768;

  private static final JOSEObjectType TYPE = new JOSEObjectType(TOKEN_TYPE);
  private static final Set<String> HEADER_PARAMETERS = Set.of("alg", "kid", "typ");
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256);

  private final String expectedIssuer;
  private final Clock clock;
  private final Duration clockSkew;
  private final JwksCache keys;

  private SessionTokenVerifier(Builder b) {
    this.expectedIssuer = b.expectedIssuer;
    this.clock = b.clock;
    this.clockSkew = b.clockSkew;
    JwksFetcher fetcher = new JwksFetcher(b.jwksUri, b.connectTimeout, b.responseTimeout,
        b.maxJwksBytes, b.sslContext);
    this.keys = new JwksCache(fetcher, b.maxKeyAge, b.minRefetchInterval, b.clock);
  }

  /**
   * A verifier of tokens issued by {@code issuer}, whose keys are published at {@code issuer +}
   * {@value #JWKS_PATH} (a Lanyard server's layout).
   */
  public static Builder forIssuer(String issuer) {
    requireText(issuer, "issuer");
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    return new Builder(jwksUri(base + JWKS_PATH), issuer);
  }

  /** A verifier of tokens issued by {@code expectedIssuer}, whose keys are at {@code jwksUri}. */
  public static Builder builder(URI jwksUri, String expectedIssuer) {
    requireText(expectedIssuer, "expectedIssuer");
    return new Builder(checkedUri(jwksUri), expectedIssuer);
  }

  /**
   * The verified session this token carries.
   *
   * @throws SessionTokenRejectedException with the reason the token is refused; the message never
   *     holds the token
   */
  public VerifiedSessionToken verify(String token) throws SessionTokenRejectedException {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw reject(Reason.MALFORMED,
          "the token is missing or longer than " + MAX_TOKEN_CHARS + " characters");
    }
    JWSObject jws = parse(token);
    JWSHeader header = jws.getHeader();
    if (!HEADER_PARAMETERS.containsAll(header.getIncludedParams())) {
      throw reject(Reason.MALFORMED, "its header may hold only alg, kid and typ");
    }
    if (!TYPE.equals(header.getType())) {
      throw reject(Reason.WRONG_TYPE,
          "it is not a Lanyard session token; its typ must be " + TOKEN_TYPE);
    }
    if (!ALGORITHMS.contains(header.getAlgorithm())) {
      throw reject(Reason.BAD_SIGNATURE,
          "its signature algorithm is not accepted; EdDSA or ES256 is");
    }
    String kid = header.getKeyID();
    if (kid == null || kid.isEmpty()) {
      throw reject(Reason.MALFORMED, "its header names no kid");
    }
    JwksCache.Lookup lookup = keys.key(kid);
    if (lookup instanceof JwksCache.Unavailable unavailable) {
      throw new SessionTokenRejectedException(
          Reason.KEYS_UNAVAILABLE, "cannot be checked: " + unavailable.problem());
    }
    if (!(lookup instanceof JwksCache.Found found)) {
      throw reject(Reason.UNKNOWN_KEY, "it was signed by a key the issuer does not publish");
    }
    VerifyingKey key = found.key();
    if (!key.verifies(jws)) {
      throw reject(Reason.BAD_SIGNATURE, "its signature or algorithm is not valid for its key");
    }
    VerifiedSessionToken.Builder claims = SessionClaimsReader.read(jws.getPayload().toBytes(), kid);
    if (!expectedIssuer.equals(claims.issuer)) {
      throw reject(Reason.WRONG_ISSUER,
          "it was issued by another service; the issuer " + expectedIssuer + " is accepted");
    }
    Instant now = clock.instant();
    if (!now.isBefore(claims.expiresAt.plus(clockSkew))) {
      throw new SessionTokenRejectedException(Reason.EXPIRED, "the token expired at "
          + claims.expiresAt + " (ExpiredToken); request new temporary credentials");
    }
    if (claims.issuedAt.isAfter(now.plus(clockSkew))) {
      throw reject(Reason.NOT_YET_VALID, "its issue time " + claims.issuedAt
          + " is in the future; check the clocks of this host and the server");
    }
    return claims.build();
  }

  private static JWSObject parse(String token) throws SessionTokenRejectedException {
    try {
      return JWSObject.parse(token);
    } catch (ParseException | RuntimeException e) {
      if (unsigned(token)) {
        throw reject(Reason.BAD_SIGNATURE, "it is unsigned (alg none); signed tokens only are accepted");
      }
      throw reject(Reason.MALFORMED, "it is not a signed JWT (compact JWS)");
    }
  }

  /** Whether the token's header declares {@code alg: none}. */
  private static boolean unsigned(String token) {
    try {
      Base64URL[] parts = JOSEObject.split(token);
      return Algorithm.NONE.equals(Header.parse(parts[0]).getAlgorithm());
    } catch (ParseException | RuntimeException e) {
      return false;
    }
  }

  private static SessionTokenRejectedException reject(Reason reason, String message) {
    return new SessionTokenRejectedException(reason, message + " (InvalidClientTokenId)");
  }

  private static URI jwksUri(String value) {
    try {
      return checkedUri(URI.create(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("issuer: '" + value
          + "' does not make a valid JWKS URL; an absolute http or https URL is accepted");
    }
  }

  private static URI checkedUri(URI uri) {
    Objects.requireNonNull(uri, "jwksUri");
    String scheme = uri.getScheme();
    if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
      throw new IllegalArgumentException("jwksUri: '" + uri
          + "' is not an absolute http or https URL with a host; only such URLs are accepted");
    }
    return uri;
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": is required; give the server's issuer URL");
    }
  }

  /** How a {@link SessionTokenVerifier} checks times and fetches keys. */
  public static final class Builder {
    private final URI jwksUri;
    private final String expectedIssuer;
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;
    private Duration connectTimeout = Duration.ofSeconds(3);
    private Duration responseTimeout = Duration.ofSeconds(5);
    private int maxJwksBytes = 256 * 1024;
    private Duration minRefetchInterval = Duration.ofSeconds(30);
    private Duration maxKeyAge = Duration.ofHours(1);
    private SSLContext sslContext;

    private Builder(URI jwksUri, String expectedIssuer) {
      this.jwksUri = jwksUri;
      this.expectedIssuer = expectedIssuer;
    }

    /** The clock expiry and issue times are checked against; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Allowance for disagreeing clocks, 0 to {@link #MAX_CLOCK_SKEW}; default 30 seconds. */
    public Builder clockSkew(Duration skew) {
      if (skew == null || skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
        throw new IllegalArgumentException("clockSkew: " + skew
            + " is outside the accepted range 0 to " + MAX_CLOCK_SKEW);
      }
      this.clockSkew = skew;
      return this;
    }

    /** TCP and TLS connect timeout of a key fetch; default 3 seconds. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** Time allowed for the whole JWKS response, headers and body; default 5 seconds. */
    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = positive(timeout, "responseTimeout");
      return this;
    }

    /** The largest JWKS document accepted, at least 1 KiB; default 256 KiB. */
    public Builder maxJwksBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException(
            "maxJwksBytes: " + bytes + " is too small; 1024 or more is accepted");
      }
      this.maxJwksBytes = bytes;
      return this;
    }

    /**
     * The least time between two key fetches, whatever prompts them (an unknown kid, an old key
     * set, a failed fetch); zero or more, default 30 seconds.
     */
    public Builder minRefetchInterval(Duration interval) {
      if (interval == null || interval.isNegative()) {
        throw new IllegalArgumentException(
            "minRefetchInterval: " + interval + " is not accepted; zero or a positive duration is");
      }
      this.minRefetchInterval = interval;
      return this;
    }

    /** How long a fetched key set is used before it is fetched again; default 1 hour. */
    public Builder maxKeyAge(Duration age) {
      this.maxKeyAge = positive(age, "maxKeyAge");
      return this;
    }

    /** TLS for an https JWKS URL; default the JVM's trust store. */
    public Builder sslContext(SSLContext context) {
      this.sslContext = Objects.requireNonNull(context, "sslContext");
      return this;
    }

    public SessionTokenVerifier build() {
      return new SessionTokenVerifier(this);
    }

    private static Duration positive(Duration value, String field) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(
            field + ": " + value + " is not accepted; a positive duration is");
      }
      return value;
    }
  }
}

package dev.lanyard.sts.federation.oidc;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.lanyard.sts.store.model.OidcProvider;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies an OpenID Connect ID token (an AWS {@code WebIdentityToken}) against the provider its
 * {@code iss} names, and is the only maker of {@link VerifiedWebIdentity}.
 *
 * <p>Checks, in order: at most {@value #MAX_TOKEN_CHARS} characters; a compact JWS (a JWE or an
 * unsecured {@code alg: none} token is refused); algorithm RS256/384/512 or ES256/384/512 only; no
 * {@code crit} header (no extension is understood); no {@code jku}, {@code jwk} or {@code x5u}
 * header: a token naming its own key source is refused outright, and {@code x5c}/{@code x5t} are
 * ignored, so a key is only ever taken from the provider's JWKS; {@code iss} names a registered
 * provider ({@link RegisteredProviders#issuerMatches}); the key is chosen by {@code kid}
 * ({@link SigningKeyChoice}), an unknown one forcing one rate-limited refetch; the signature
 * verifies; {@code exp} present and not past, {@code nbf} and {@code iat} not in the future, each
 * with the clock skew; {@code sub} present; {@code azp} when present, else one {@code aud} value,
 * among the provider's client ids (AWS's rule). The signature is checked before any claim, so claim
 * errors are only reported for authentic tokens.
 *
 * <p>Errors: {@code InvalidIdentityToken}, {@code ExpiredTokenException}, {@code IDPRejectedClaim},
 * {@code IDPCommunicationError} (from {@link OidcProviderKeys}). Messages never echo the token or
 * attacker-chosen claim values.
 */
public final class WebIdentityTokenVerifier {
  /** AWS's limit on {@code WebIdentityToken}. */
  public static final int MAX_TOKEN_CHARS = 20_000;
  /** The default allowance for clocks that differ. */
  public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);
  /** The largest skew accepted in configuration. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
      JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
  private static final String ACCEPTED_ALGORITHMS = "RS256, RS384, RS512, ES256, ES384 and ES512 are accepted";

  private final OidcProviderKeys keys;
  private final Clock clock;
  private final Duration skew;

  /** A verifier with the default skew of 60 seconds. */
  public WebIdentityTokenVerifier(OidcProviderKeys keys, Clock clock) {
    this(keys, clock, DEFAULT_SKEW);
  }

  /** A verifier allowing {@code skew} (0 to 5 minutes) for {@code exp}, {@code nbf} and {@code iat}. */
  public WebIdentityTokenVerifier(OidcProviderKeys keys, Clock clock, Duration skew) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(skew, "skew");
    if (skew.isNegative() || skew.compareTo(MAX_SKEW) > 0) {
      throw new IllegalArgumentException("skew is " + skew + "; 0 to " + MAX_SKEW + " is accepted");
    }
    this.skew = skew;
  }

  /**
   * Verifies {@code token} against the provider {@code providers} registers for its issuer.
   *
   * @throws dev.lanyard.sts.error.LanyardException with the AWS code of the first check that fails
   */
  public VerifiedWebIdentity verify(String token, RegisteredProviders providers) {
    Objects.requireNonNull(providers, "providers");
    SignedJWT jwt = parse(token);
    JWSHeader header = jwt.getHeader();
    JWTClaimsSet claims = claims(jwt);
    String issuer = claims.getIssuer();
    if (issuer == null || issuer.isEmpty()) {
      throw TokenRefusals.invalid("the claim iss is missing; the issuer URL of a registered OpenID Connect provider is accepted");
    }
    OidcProvider provider = providers.forIssuer(issuer)
        .filter(p -> RegisteredProviders.issuerMatches(p, issuer))
        .orElseThrow(() -> TokenRefusals.invalid("the claim iss names no OpenID Connect provider registered in the"
            + " role's account; a token from a registered provider URL (with or without https://) is accepted"));
    verifySignature(jwt, header, provider);

    Instant now = clock.instant();
    Instant expiresAt = checkTimes(claims, now);
    String subject = claims.getSubject();
    if (subject == null || subject.isEmpty()) {
      throw TokenRefusals.invalid("the claim sub is missing or empty; a subject is required");
    }
    String authorizedParty = stringClaim(claims, "azp");
    List<String> audiences = claims.getAudience();
    String audience = audience(provider, authorizedParty, audiences);
    Map<String, Object> all = claims.toJSONObject();
    return new VerifiedWebIdentity(provider, issuer, subject, audience, audiences, authorizedParty, amr(claims), all,
        instant(claims.getIssueTime()), expiresAt, AwsSessionClaims.tags(all), AwsSessionClaims.sourceIdentity(all));
  }

  private static SignedJWT parse(String token) {
    if (token == null || token.isEmpty()) {
      throw TokenRefusals.invalid("is empty; an OpenID Connect ID token (a signed JWT) is accepted");
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      throw TokenRefusals.invalid("is " + token.length() + " characters long; at most " + MAX_TOKEN_CHARS + " are accepted");
    }
    int parts = (int) token.chars().filter(c -> c == '.').count() + 1;
    if (parts == 5) {
      throw TokenRefusals.invalid("is an encrypted JWT (JWE); only signed JWTs (JWS, three parts) are accepted");
    }
    if (parts != 3) {
      throw TokenRefusals.invalid("has " + parts + " dot-separated parts; a signed JWT in compact form has three");
    }
    Header header;
    try {
      header = Header.parse(new Base64URL(token.substring(0, token.indexOf('.'))));
    } catch (ParseException e) {
      throw TokenRefusals.invalid("its header is not a base64url JSON object naming an algorithm");
    }
    if (header instanceof PlainHeader || Algorithm.NONE.equals(header.getAlgorithm())) {
      throw TokenRefusals.invalid("is unsecured (alg none); only signed tokens are accepted: " + ACCEPTED_ALGORITHMS);
    }
    if (!(header instanceof JWSHeader jws)) {
      throw TokenRefusals.invalid("is not a signed JWT (its header is a JWE header); only JWS is accepted");
    }
    if (!ALGORITHMS.contains(jws.getAlgorithm())) {
      throw TokenRefusals.invalid("its header alg is " + algorithmName(jws.getAlgorithm()) + "; " + ACCEPTED_ALGORITHMS);
    }
    if (jws.getCriticalParams() != null && !jws.getCriticalParams().isEmpty()) {
      throw TokenRefusals.invalid("its header has a crit parameter naming " + jws.getCriticalParams().size()
          + " extension(s); no critical extension is understood, tokens without crit are accepted");
    }
    if (jws.getJWKURL() != null || jws.getJWK() != null || jws.getX509CertURL() != null) {
      throw TokenRefusals.invalid("its header names its own key (jku, jwk or x5u); such tokens are refused, keys are"
          + " only taken from the provider's published JWKS");
    }
    try {
      return SignedJWT.parse(token);
    } catch (ParseException e) {
      throw TokenRefusals.invalid("is not a well-formed signed JWT (base64url header, claims and signature)");
    }
  }

  private static JWTClaimsSet claims(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw TokenRefusals.invalid("its claims are not a JSON object with well-typed registered claims"
          + " (iss, sub and azp strings, aud a string or list of strings, exp/nbf/iat numbers)");
    }
  }

  private void verifySignature(SignedJWT jwt, JWSHeader header, OidcProvider provider) {
    Optional<JWK> key = SigningKeyChoice.choose(keys.current(provider).keys(), header);
    if (key.isEmpty()) {
      key = SigningKeyChoice.choose(keys.refetch(provider).keys(), header);
    }
    if (key.isEmpty()) {
      throw TokenRefusals.invalid(header.getKeyID() == null
          ? "its header has no kid and the provider does not publish exactly one key fitting " + header.getAlgorithm()
          + "; a token naming one of the provider's keys is accepted"
          : "its header kid names no " + header.getAlgorithm() + " key the provider publishes (keys were refetched);"
          + " a token signed by one of the provider's published keys is accepted");
    }
    boolean valid;
    try {
      valid = jwt.verify(verifier(key.get()));
    } catch (JOSEException e) {
      valid = false;
    }
    if (!valid) {
      throw TokenRefusals.invalid("its signature does not verify with the provider's key for its kid and alg");
    }
  }

  private static JWSVerifier verifier(JWK key) throws JOSEException {
    if (key instanceof RSAKey rsa) {
      return new RSASSAVerifier(rsa);
    }
    return new ECDSAVerifier((ECKey) key);
  }

  private Instant checkTimes(JWTClaimsSet claims, Instant now) {
    Instant expiresAt = instant(claims.getExpirationTime());
    if (expiresAt == null) {
      throw TokenRefusals.invalid("the claim exp is missing; tokens with an expiry are accepted");
    }
    if (!now.isBefore(expiresAt.plus(skew))) {
      throw TokenRefusals.expired("the token expired at " + expiresAt + " (now " + now + ", allowed skew "
          + skew.toSeconds() + " s); a fresh token from the provider is accepted");
    }
    Instant notBefore = instant(claims.getNotBeforeTime());
    if (notBefore != null && notBefore.isAfter(now.plus(skew))) {
      throw TokenRefusals.invalid("the claim nbf is " + notBefore + ", in the future (now " + now + ", allowed skew "
          + skew.toSeconds() + " s); the token is not yet valid");
    }
    Instant issuedAt = instant(claims.getIssueTime());
    if (issuedAt != null && issuedAt.isAfter(now.plus(skew))) {
      throw TokenRefusals.invalid("the claim iat is " + issuedAt + ", in the future (now " + now + ", allowed skew "
          + skew.toSeconds() + " s); a token issued at or before now is accepted");
    }
    return expiresAt;
  }

  /** AWS: {@code azp}, when present, must be a client id; else one {@code aud} value must be. */
  private static String audience(OidcProvider provider, String authorizedParty, List<String> audiences) {
    List<String> clientIds = provider.clientIds();
    if (authorizedParty != null) {
      if (!clientIds.contains(authorizedParty)) {
        throw TokenRefusals.rejectedClaim("the claim azp is not among the client ids registered for " + provider.arn()
            + "; a token whose azp (or, without azp, aud) is a registered client id is accepted");
      }
      return authorizedParty;
    }
    if (audiences.isEmpty()) {
      throw TokenRefusals.invalid("the claim aud is missing; a token whose aud is a registered client id is accepted");
    }
    return audiences.stream().filter(clientIds::contains).findFirst()
        .orElseThrow(() -> TokenRefusals.rejectedClaim("none of the " + audiences.size() + " value(s) of the claim aud"
            + " is among the client ids registered for " + provider.arn() + "; a token whose aud is a registered client"
            + " id is accepted"));
  }

  private static List<String> amr(JWTClaimsSet claims) {
    Object amr = claims.getClaim("amr");
    if (amr == null) {
      return List.of();
    }
    if (amr instanceof String single) {
      return List.of(single);
    }
    try {
      return claims.getStringListClaim("amr");
    } catch (ParseException e) {
      throw TokenRefusals.invalid("the claim amr is neither a string nor a list of strings");
    }
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException e) {
      throw TokenRefusals.invalid("the claim " + name + " is not a string");
    }
  }

  private static String algorithmName(JWSAlgorithm alg) {
    return Set.of("HS256", "HS384", "HS512", "PS256", "PS384", "PS512", "EdDSA", "Ed25519", "ES256K")
        .contains(alg.getName()) ? alg.getName() : "not a recognised algorithm";
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}

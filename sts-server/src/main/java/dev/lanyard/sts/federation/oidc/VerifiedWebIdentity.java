package dev.lanyard.sts.federation.oidc;

import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.sts.session.SessionTagsInput;
import dev.lanyard.sts.store.model.OidcProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A web identity token that {@link WebIdentityTokenVerifier} has verified: its provider, the
 * identity it asserts, its claims and the session facts it carries. Only the verifier makes one
 * (package-private constructor), so holding one proves the checks ran. Immutable.
 */
public final class VerifiedWebIdentity {
  /** The global condition key naming the provider's ARN. */
  public static final String FEDERATED_PROVIDER_KEY = "aws:FederatedProvider";

  private final String providerArn;
  private final String providerUrl;
  private final String issuer;
  private final String subject;
  private final String audience;
  private final List<String> audiences;
  private final String authorizedParty;
  private final List<String> amr;
  private final Map<String, Object> claims;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private final SessionTagsInput sessionTags;
  private final String sourceIdentity;

  VerifiedWebIdentity(OidcProvider provider, String issuer, String subject, String audience, List<String> audiences,
      String authorizedParty, List<String> amr, Map<String, Object> claims, Instant issuedAt, Instant expiresAt,
      SessionTagsInput sessionTags, String sourceIdentity) {
    this.providerArn = provider.arn();
    this.providerUrl = provider.url();
    this.issuer = issuer;
    this.subject = subject;
    this.audience = audience;
    this.audiences = List.copyOf(audiences);
    this.authorizedParty = authorizedParty;
    this.amr = List.copyOf(amr);
    this.claims = frozenMap(claims);
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
    this.sessionTags = sessionTags;
    this.sourceIdentity = sourceIdentity;
  }

  /** The ARN of the registered provider ({@code Provider} in AWS's response is its URL). */
  public String providerArn() {
    return providerArn;
  }

  /** The registered provider URL. */
  public String providerUrl() {
    return providerUrl;
  }

  /** The token's {@code iss}, as written in the token. */
  public String issuer() {
    return issuer;
  }

  /** The token's {@code sub} ({@code SubjectFromWebIdentityToken}). */
  public String subject() {
    return subject;
  }

  /** The client id that matched: {@code azp} when the token has one, else the matching {@code aud} value. */
  public String audience() {
    return audience;
  }

  /** All of the token's {@code aud} values (possibly empty when {@code azp} matched). */
  public List<String> audiences() {
    return audiences;
  }

  /** The token's {@code azp}, or null. */
  public String authorizedParty() {
    return authorizedParty;
  }

  /** The token's {@code amr} values (a string claim becomes one value); empty when absent. */
  public List<String> amr() {
    return amr;
  }

  /** Every claim of the token, as JSON values (times as epoch seconds), unmodifiable. */
  public Map<String, Object> claims() {
    return claims;
  }

  /** The token's {@code iat}, or null when it has none. */
  public Instant issuedAt() {
    return issuedAt;
  }

  /** The token's {@code exp}. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** Session tags from the {@code https://aws.amazon.com/tags} claim, unvalidated beyond their shape. */
  public SessionTagsInput sessionTags() {
    return sessionTags;
  }

  /** The {@code https://aws.amazon.com/source_identity} claim, or null. */
  public String sourceIdentity() {
    return sourceIdentity;
  }

  /** The principal a trust policy names as {@code "Federated": "<provider ARN>"}. */
  public RequestPrincipal principal() {
    return RequestPrincipal.webIdentity(providerArn);
  }

  /** The provider prefix of the condition keys: the provider URL without {@code https://}. */
  public String conditionKeyPrefix() {
    return providerUrl.startsWith("https://") ? providerUrl.substring(8) : providerUrl;
  }

  /**
   * The web identity condition keys AWS offers a trust policy: {@code <prefix>:aud} (the matched
   * client id), {@code <prefix>:sub}, {@code <prefix>:azp} and {@code <prefix>:oaud} (the {@code aud}
   * values) when the token has an {@code azp}, {@code <prefix>:amr} (multi-valued) when present, and
   * {@code aws:FederatedProvider}.
   */
  public Map<String, List<String>> conditionKeys() {
    String prefix = conditionKeyPrefix();
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put(prefix + ":aud", List.of(audience));
    keys.put(prefix + ":sub", List.of(subject));
    if (authorizedParty != null) {
      keys.put(prefix + ":azp", List.of(authorizedParty));
      if (!audiences.isEmpty()) {
        keys.put(prefix + ":oaud", audiences);
      }
    }
    if (!amr.isEmpty()) {
      keys.put(prefix + ":amr", amr);
    }
    keys.put(FEDERATED_PROVIDER_KEY, List.of(providerArn));
    return Collections.unmodifiableMap(keys);
  }

  @Override
  public String toString() {
    return "VerifiedWebIdentity[provider=" + providerArn + ", sub=" + subject + ", aud=" + audience
        + ", expiresAt=" + expiresAt + "]";
  }

  private static Map<String, Object> frozenMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), frozen(value)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object frozen(Object value) {
    if (value instanceof Map<?, ?> map) {
      return frozenMap(map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(frozen(item)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}

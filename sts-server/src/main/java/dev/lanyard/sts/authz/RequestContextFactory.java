package dev.lanyard.sts.authz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.token.SessionGrant;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the request context AWS would: the keys the caller supplied about its request (resource
 * tags, {@code aws:SourceIp} of the original request, service keys), then the keys that only the
 * credentials can speak for — principal ARN, account, type, user id and name, principal tags
 * (session tags override the principal's own), token issue time, MFA facts, source identity,
 * federation provider — and the current time. A caller cannot forge a credential-derived key: those
 * are never taken from what was supplied.
 *
 * <p>The credential-derived keys and the parsed principal are worked out once per access key and
 * store state ({@link CredentialContext}, cached); each request adds only its own keys on top of
 * them, without copying.
 */
public final class RequestContextFactory {
  /** Credential contexts kept, by access key id, at most. */
  static final int CACHE_SIZE = 100_000;

  private final String region;
  /** How long an unused credential context is kept: it holds its verified session, secret included. */
  static final Duration IDLE_EXPIRY = Duration.ofMinutes(15);

  private final Cache<String, CredentialContext> credentials = Caffeine.newBuilder()
      .maximumSize(CACHE_SIZE).expireAfterAccess(IDLE_EXPIRY).executor(Runnable::run).build();
  private final TimeKeys time = new TimeKeys();

  public RequestContextFactory(String region) {
    this.region = region;
  }

  /** Keys that come from the credentials or the server, never from the caller (lower-cased key). */
  public static boolean reserved(String lowerKey) {
    return lowerKey.startsWith("aws:principal") || lowerKey.equals("aws:userid")
        || lowerKey.equals("aws:username") || lowerKey.equals("aws:tokenissuetime")
        || lowerKey.startsWith("aws:multifactorauth") || lowerKey.equals("aws:sourceidentity")
        || lowerKey.equals("aws:currenttime") || lowerKey.equals("aws:epochtime")
        || lowerKey.equals("aws:federatedprovider") || lowerKey.equals("aws:viaawsservice");
  }

  /** The context of one request by {@code caller} with the keys it supplied. */
  public RequestContext build(Caller caller, PrincipalPolicies.PrincipalState state,
      Map<String, List<String>> callerKeys, Instant now) {
    return build(caller, credentialContext(caller, state), callerKeys, now);
  }

  /** The context of one request, on the credential context of its caller. */
  RequestContext build(Caller caller, CredentialContext credential, Map<String, List<String>> callerKeys,
      Instant now) {
    RequestContext.Builder b = RequestContext.builder();
    boolean sourceIpGiven = false;
    boolean regionGiven = false;
    if (callerKeys != null && !callerKeys.isEmpty()) {
      for (Map.Entry<String, List<String>> e : callerKeys.entrySet()) {
        String lower = e.getKey().toLowerCase(Locale.ROOT);
        if (!reserved(lower)) {
          b.put(lower, e.getValue());
          sourceIpGiven |= lower.equals("aws:sourceip");
          regionGiven |= lower.equals("aws:requestedregion");
        }
      }
    }
    if (!sourceIpGiven && caller.sourceAddress() != null) {
      b.put("aws:sourceip", caller.sourceAddress());
    }
    if (!regionGiven) {
      b.put("aws:requestedregion", region);
    }
    time.putInto(b, now);
    if (caller.session() != null) {
      SessionGrant g = caller.session().claims().grant();
      if (g.mfaPresent()) {
        long age = Math.max(0, now.getEpochSecond() - g.mfaAuthenticatedAt().getEpochSecond());
        b.put("aws:multifactorauthage", Long.toString(age));
      }
    }
    return b.buildOn(credential.keys());
  }

  /** The caller as the policy engine sees it, parsed once per access key and state. */
  public RequestPrincipal principal(Caller caller, PrincipalPolicies.PrincipalState state) {
    return credentialContext(caller, state).principal();
  }

  /** The caller's credential context, made when absent or made for another state or session. */
  CredentialContext credentialContext(Caller caller, PrincipalPolicies.PrincipalState state) {
    CredentialContext known = credentials.getIfPresent(caller.accessKeyId());
    if (known != null && known.madeFor(caller, state)) {
      return known;
    }
    CredentialContext made = make(caller, state);
    credentials.put(caller.accessKeyId(), made);
    return made;
  }

  private static CredentialContext make(Caller caller, PrincipalPolicies.PrincipalState state) {
    RequestContext.Builder b = RequestContext.builder();
    b.put("aws:userid", caller.userId());
    b.put("aws:PrincipalIsAWSService", "false");
    b.put("aws:ViaAWSService", "false");
    Map<String, String[]> tags = new LinkedHashMap<>();
    for (PrincipalPolicies.TagPair tag : state.tags()) {
      tags.put(tag.key().toLowerCase(Locale.ROOT), new String[] {tag.key(), tag.value()});
    }
    if (caller.session() != null) {
      SessionGrant g = caller.session().claims().grant();
      b.put("aws:TokenIssueTime",
          DateTimeFormatter.ISO_INSTANT.format(caller.session().claims().issuedAt()));
      b.put("aws:MultiFactorAuthPresent", Boolean.toString(g.mfaPresent()));
      if (g.sourceIdentity() != null) {
        b.put("aws:SourceIdentity", g.sourceIdentity());
      }
      List<String> provider = g.federation().get("provider");
      if (provider != null && !provider.isEmpty()) {
        b.put("aws:FederatedProvider", provider.get(0));
      }
      g.tags().asMap().forEach((k, v) -> tags.put(k.toLowerCase(Locale.ROOT), new String[] {k, v}));
    }
    for (String[] tag : tags.values()) {
      b.put("aws:PrincipalTag/" + tag[0], tag[1]);
    }
    RequestPrincipal principal = caller.requestPrincipal();
    b.principalKeys(principal);
    return new CredentialContext(principal, b.build(), state, caller.session(), caller.arn());
  }
}

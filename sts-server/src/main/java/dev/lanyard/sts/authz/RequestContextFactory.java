package dev.lanyard.sts.authz;

import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.token.SessionGrant;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
 * always replace what was supplied.
 */
public final class RequestContextFactory {
  private final String region;

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

  public RequestContext build(Caller caller, PrincipalPolicies.PrincipalState state,
      Map<String, List<String>> callerKeys, Instant now) {
    RequestContext.Builder b = RequestContext.builder();
    if (callerKeys != null) {
      callerKeys.forEach((k, v) -> {
        if (!reserved(k.toLowerCase(Locale.ROOT))) {
          b.put(k, v);
        }
      });
    }
    if ((callerKeys == null || !containsIgnoreCase(callerKeys, "aws:SourceIp"))
        && caller.sourceAddress() != null) {
      b.put("aws:SourceIp", caller.sourceAddress());
    }
    if (callerKeys == null || !containsIgnoreCase(callerKeys, "aws:RequestedRegion")) {
      b.put("aws:RequestedRegion", region);
    }
    b.put("aws:userid", caller.userId());
    b.put("aws:PrincipalIsAWSService", "false");
    b.put("aws:ViaAWSService", "false");
    Instant t = now.truncatedTo(ChronoUnit.SECONDS);
    b.put("aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(t));
    b.put("aws:EpochTime", Long.toString(t.getEpochSecond()));

    Map<String, String[]> tags = new LinkedHashMap<>();
    for (PrincipalPolicies.TagPair tag : state.tags()) {
      tags.put(tag.key().toLowerCase(Locale.ROOT), new String[] {tag.key(), tag.value()});
    }
    if (caller.session() != null) {
      SessionGrant g = caller.session().claims().grant();
      b.put("aws:TokenIssueTime",
          DateTimeFormatter.ISO_INSTANT.format(caller.session().claims().issuedAt()));
      b.put("aws:MultiFactorAuthPresent", Boolean.toString(g.mfaPresent()));
      if (g.mfaPresent()) {
        long age = Math.max(0, now.getEpochSecond() - g.mfaAuthenticatedAt().getEpochSecond());
        b.put("aws:MultiFactorAuthAge", Long.toString(age));
      }
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
    b.principalKeys(caller.requestPrincipal());
    return b.build();
  }

  private static boolean containsIgnoreCase(Map<String, ?> m, String key) {
    for (String k : m.keySet()) {
      if (k.equalsIgnoreCase(key)) {
        return true;
      }
    }
    return false;
  }
}

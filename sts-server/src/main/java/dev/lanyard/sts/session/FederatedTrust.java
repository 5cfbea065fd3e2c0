package dev.lanyard.sts.session;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.Evaluator;
import dev.lanyard.policy.eval.Outcome;
import dev.lanyard.policy.eval.PolicySet;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.sts.authz.AccessDeniedException;
import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.authz.RequestContextFactory;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.cache.VersionedCache;
import dev.lanyard.sts.store.model.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a federated principal (a web identity or a SAML user, named by its provider) may
 * assume a role: the role's trust policy is the only policy and must allow every action, as a
 * required resource-based policy (there are no caller identity policies). The context is the
 * verified token's keys plus the request's STS keys, the server's global keys ({@code aws:CurrentTime},
 * {@code aws:EpochTime}, {@code aws:RequestedRegion}, {@code aws:SourceIp} when known) and the
 * principal's ({@code aws:PrincipalType}). Compiled trust policies are cached per role version.
 */
public final class FederatedTrust {
  private final VersionedCache<String, PolicySet> trustSets;
  private final String region;
  private final Clock clock;

  public FederatedTrust(StoreVersionTracker versions, String region, Clock clock) {
    this.trustSets = new VersionedCache<>(versions, 20_000);
    this.region = region;
    this.clock = clock;
  }

  /**
   * Requires every action (the federation action first, then {@code sts:TagSession} and
   * {@code sts:SetSourceIdentity} as needed) to be allowed on {@code role}.
   *
   * @param keys the token's condition keys and the request's STS keys
   * @param sourceAddress the caller's IP address, or null when the front door does not know it
   * @throws AccessDeniedException in AWS's words, naming the first denied action; the message
   *     does not say which statement or key decided, as AWS does not to token holders
   */
  public void require(Role role, RequestPrincipal principal, List<String> actions, Map<String, List<String>> keys,
      String sourceAddress) {
    RequestContext context = context(principal, keys, sourceAddress);
    PolicySet trust = trustSets.get(role.arn() + "#" + role.rowVersion(), k -> trustOnly(role));
    for (String action : actions) {
      Decision d = Evaluator.evaluate(new AuthorizationRequest(principal, action, role.arn(), role.accountId(),
          context), trust);
      if (d.outcome() != Outcome.ALLOW) {
        throw denied(action, role.arn());
      }
    }
  }

  /**
   * AWS's {@code AccessDenied} for a federated caller, the same whether the role is missing or its
   * trust policy refuses, so that a token holder cannot probe which roles exist.
   */
  public static AccessDeniedException denied(String action, String roleArn) {
    return new AccessDeniedException("Not authorized to perform " + action + " on resource: " + roleArn
        + ": the role does not exist or its trust policy does not allow this provider, token and request", null);
  }

  private RequestContext context(RequestPrincipal principal, Map<String, List<String>> keys, String sourceAddress) {
    RequestContext.Builder b = RequestContext.builder();
    keys.forEach((k, v) -> {
      String lower = k.toLowerCase(Locale.ROOT);
      if (!RequestContextFactory.reserved(lower) || lower.equals("aws:federatedprovider")) {
        b.put(k, v);
      }
    });
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    b.put("aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(now));
    b.put("aws:EpochTime", Long.toString(now.getEpochSecond()));
    b.put("aws:RequestedRegion", region);
    b.put("aws:PrincipalIsAWSService", "false");
    b.put("aws:ViaAWSService", "false");
    if (sourceAddress != null) {
      b.put("aws:SourceIp", sourceAddress);
    }
    b.principalKeys(principal);
    return b.build();
  }

  private static PolicySet trustOnly(Role role) {
    CompiledPolicy trust = PolicyLibrary.compile(role.trustPolicy(), role.arn() + "/trust-policy");
    return PolicySet.builder().resourcePolicy(trust).resourcePolicyRequired(true).build();
  }
}

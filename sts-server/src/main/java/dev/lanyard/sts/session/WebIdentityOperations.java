package dev.lanyard.sts.session;

import dev.lanyard.policy.arn.Arn;
import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.federation.oidc.RegisteredProviders;
import dev.lanyard.sts.federation.oidc.VerifiedWebIdentity;
import dev.lanyard.sts.federation.oidc.WebIdentityTokenVerifier;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.token.SessionGrant;
import dev.lanyard.sts.token.SessionPolicy;
import dev.lanyard.sts.token.SessionTags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS STS AssumeRoleWithWebIdentity, unsigned (the OpenID Connect ID token is the proof): checks
 * the parameters, verifies the token against the OIDC providers registered in the role's account,
 * finds the role (a missing role is {@code AccessDenied}, as AWS answers), decides
 * {@code sts:AssumeRoleWithWebIdentity} (plus {@code sts:TagSession} for the token's session tags and
 * {@code sts:SetSourceIdentity} for its source identity) against the role's trust policy alone, and
 * mints a role session carrying the federation facts. Front-door agnostic.
 */
public final class WebIdentityOperations {
  static final String ACTION = "sts:AssumeRoleWithWebIdentity";

  private final IamStore store;
  private final PolicyLibrary library;
  private final WebIdentityTokenVerifier verifier;
  private final FederatedTrust trust;
  private final SessionMinter minter;

  public WebIdentityOperations(IamStore store, PolicyLibrary library, WebIdentityTokenVerifier verifier,
      FederatedTrust trust, SessionMinter minter) {
    this.store = store;
    this.library = library;
    this.verifier = verifier;
    this.trust = trust;
    this.minter = minter;
  }

  /**
   * Exchanges a web identity token for role credentials.
   *
   * @param sourceAddress the caller's IP address for {@code aws:SourceIp}, or null when unknown
   */
  public WebIdentityResult assumeRoleWithWebIdentity(WebIdentityInput in, String sourceAddress) {
    String roleArn = ParameterChecks.require("roleArn", in.roleArn(), 20, 2048, null);
    String roleAccount = roleAccount(roleArn);
    String sessionName = ParameterChecks.require("roleSessionName", in.roleSessionName(), 2, 64,
        ParameterChecks.NAME);
    if (in.providerId() != null && !in.providerId().isEmpty()) {
      throw new LanyardException(AwsErrorCode.InvalidParameterValue, "ProviderId: Lanyard accepts OpenID Connect"
          + " ID tokens only, whose provider is named by the token's iss claim; leave ProviderId empty");
    }
    if (in.webIdentityToken() == null || in.webIdentityToken().length() < 4) {
      throw ParameterChecks.invalid("webIdentityToken", null, "Member must have length greater than or equal to 4;"
          + " give an OpenID Connect ID token of 4 to " + WebIdentityTokenVerifier.MAX_TOKEN_CHARS + " characters");
    }
    if (in.durationSeconds() != null) {
      ParameterChecks.range("durationSeconds", in.durationSeconds(), SessionDuration.MIN_SECONDS,
          SessionDuration.ROLE_MAX_SECONDS);
    }
    SessionPolicy policy = in.sessionPolicy().resolve(library);

    VerifiedWebIdentity identity = verifier.verify(in.webIdentityToken(),
        RegisteredProviders.inAccount(store.oidcProviders(), roleAccount));
    SessionTags tags = identity.sessionTags().resolve(SessionTags.none());
    String sourceIdentity = AssumeRoleOperation.sourceIdentity(identity.sourceIdentity());
    Integer packed = PackedPolicyCheck.measure(policy, tags, !in.sessionPolicy().isEmpty() || !tags.isEmpty());

    Role role = store.roles().getByArn(roleArn).orElseThrow(() -> FederatedTrust.denied(ACTION, roleArn));
    Duration duration = SessionDuration.forRole(in.durationSeconds(), role.maxSessionDuration(), false);
    trust.require(role, identity.principal(), FederatedActions.of(ACTION, tags, sourceIdentity),
        requestKeys(identity, sessionName, sourceIdentity, tags), sourceAddress);

    SessionGrant grant = SessionGrantFactory.federatedRole(role, sessionName, sourceIdentity, tags, policy,
        facts(identity));
    return new WebIdentityResult(minter.mint(grant, duration), grant.userId(), grant.principalArn(), packed,
        identity.subject(), identity.audience(), identity.conditionKeyPrefix(), sourceIdentity);
  }

  /** The account of a role ARN, whose OIDC providers apply (AWS semantics). */
  static String roleAccount(String roleArn) {
    try {
      Arn arn = Arn.parse(roleArn);
      if (arn.service().equals("iam") && arn.resource().startsWith("role/") && arn.account().matches("[0-9]{12}")) {
        return arn.account();
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ParameterChecks.invalid("roleArn", roleArn,
        "Member must be a role ARN, arn:<partition>:iam::<12-digit account>:role/<path><name>");
  }

  private static Map<String, List<String>> requestKeys(VerifiedWebIdentity identity, String sessionName,
      String sourceIdentity, SessionTags tags) {
    Map<String, List<String>> keys = new LinkedHashMap<>(identity.conditionKeys());
    keys.putAll(AssumeRoleOperation.requestKeys(sessionName, null, sourceIdentity, tags));
    return keys;
  }

  /** {@code provider} (aws:FederatedProvider) and the provider-prefixed keys, for later requests. */
  private static Map<String, List<String>> facts(VerifiedWebIdentity identity) {
    Map<String, List<String>> facts = new LinkedHashMap<>();
    facts.put(FederatedActions.PROVIDER_FACT, List.of(identity.providerArn()));
    identity.conditionKeys().forEach((key, values) -> {
      if (!key.equals(VerifiedWebIdentity.FEDERATED_PROVIDER_KEY)) {
        facts.put(key, new ArrayList<>(values));
      }
    });
    return facts;
  }
}

package dev.lanyard.sts.session;

import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.federation.saml.SamlResponseVerifier;
import dev.lanyard.sts.federation.saml.VerifiedSamlAssertion;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.token.SessionGrant;
import dev.lanyard.sts.token.SessionPolicy;
import dev.lanyard.sts.token.SessionTags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS STS AssumeRoleWithSAML, unsigned (the IdP's signed assertion is the proof): checks the
 * parameters, verifies the SAML response (signature, audience, recipient, validity, the Role
 * attribute pairing the role with the provider, and the shared replay cache: each assertion is
 * accepted once), finds the role (missing is {@code AccessDenied}), decides
 * {@code sts:AssumeRoleWithSAML} (plus {@code sts:TagSession} and {@code sts:SetSourceIdentity} when
 * the assertion brings tags or a source identity) against the trust policy alone with the
 * {@code saml:*} keys, and mints a role session no longer than DurationSeconds (default 3600, at most
 * the role's maximum), the SessionDuration attribute and the assertion's SessionNotOnOrAfter.
 */
public final class SamlOperations {
  static final String ACTION = "sts:AssumeRoleWithSAML";

  private final IamStore store;
  private final PolicyLibrary library;
  private final SamlResponseVerifier verifier;
  private final FederatedTrust trust;
  private final SessionMinter minter;
  private final Clock clock;

  public SamlOperations(IamStore store, PolicyLibrary library, SamlResponseVerifier verifier,
      FederatedTrust trust, SessionMinter minter, Clock clock) {
    this.store = store;
    this.library = library;
    this.verifier = verifier;
    this.trust = trust;
    this.minter = minter;
    this.clock = clock;
  }

  /**
   * Exchanges a SAML response for role credentials.
   *
   * @param sourceAddress the caller's IP address for {@code aws:SourceIp}, or null when unknown
   */
  public SamlResult assumeRoleWithSaml(SamlInput in, String sourceAddress) {
    String roleArn = ParameterChecks.require("roleArn", in.roleArn(), 20, 2048, null);
    WebIdentityOperations.roleAccount(roleArn);
    String principalArn = ParameterChecks.require("principalArn", in.principalArn(), 20, 2048, null);
    if (in.durationSeconds() != null) {
      ParameterChecks.range("durationSeconds", in.durationSeconds(), SessionDuration.MIN_SECONDS,
          SessionDuration.ROLE_MAX_SECONDS);
    }
    SessionPolicy policy = in.sessionPolicy().resolve(library);

    VerifiedSamlAssertion assertion = verifier.verify(in.samlAssertion(), roleArn, principalArn);
    SessionTags tags = assertion.tags();
    String sourceIdentity = assertion.sourceIdentity().orElse(null);
    Integer packed = PackedPolicyCheck.measure(policy, tags, !in.sessionPolicy().isEmpty() || !tags.isEmpty());

    Role role = store.roles().getByArn(roleArn).orElseThrow(() -> FederatedTrust.denied(ACTION, roleArn));
    Duration duration = duration(in.durationSeconds(), role, assertion);
    trust.require(role, RequestPrincipal.saml(assertion.providerArn()),
        FederatedActions.of(ACTION, tags, sourceIdentity),
        requestKeys(assertion, sourceIdentity, tags), sourceAddress);

    SessionGrant grant = SessionGrantFactory.federatedRole(role, assertion.sessionName(), sourceIdentity, tags,
        policy, facts(assertion));
    return new SamlResult(minter.mint(grant, duration), grant.userId(), grant.principalArn(), packed,
        assertion.subject(), assertion.subjectType(), assertion.issuer(), assertion.recipient(),
        assertion.nameQualifier(), sourceIdentity);
  }

  private Duration duration(Integer requested, Role role, VerifiedSamlAssertion assertion) {
    Duration wanted = SessionDuration.forRole(requested, role.maxSessionDuration(), false);
    Instant now = clock.instant();
    Duration limit = assertion.sessionLimit(wanted, now);
    if (limit.getSeconds() < 1) {
      throw new LanyardException(AwsErrorCode.ExpiredTokenException, "SAMLAssertion: the assertion's"
          + " SessionNotOnOrAfter has passed, so no session can be granted; sign in at the identity provider again");
    }
    return Duration.ofSeconds(limit.getSeconds());
  }

  private static Map<String, List<String>> requestKeys(VerifiedSamlAssertion assertion, String sourceIdentity,
      SessionTags tags) {
    Map<String, List<String>> keys = new LinkedHashMap<>(assertion.trustPolicyContext());
    keys.put("aws:FederatedProvider", List.of(assertion.providerArn()));
    keys.putAll(AssumeRoleOperation.requestKeys(assertion.sessionName(), null, sourceIdentity, tags));
    return keys;
  }

  /** {@code provider} (aws:FederatedProvider) and the identifying {@code saml:*} keys, for later requests. */
  private static Map<String, List<String>> facts(VerifiedSamlAssertion assertion) {
    Map<String, List<String>> facts = new LinkedHashMap<>();
    facts.put(FederatedActions.PROVIDER_FACT, List.of(assertion.providerArn()));
    Map<String, List<String>> context = assertion.trustPolicyContext();
    for (String key : List.of("saml:aud", "saml:iss", "saml:sub", "saml:sub_type", "saml:namequalifier",
        "saml:doc")) {
      List<String> values = context.get(key);
      if (values != null) {
        facts.put(key, values);
      }
    }
    return facts;
  }
}

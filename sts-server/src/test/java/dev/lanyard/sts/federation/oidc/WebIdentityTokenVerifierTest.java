package dev.lanyard.sts.federation.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.keys.MutableClock;
import dev.lanyard.sts.store.model.OidcProvider;
import dev.lanyard.sts.store.model.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a verified web identity holds, and the claim rules short of attacks. */
class WebIdentityTokenVerifierTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private TestOidcProvider idp;
  private MutableClock clock;
  private WebIdentityTokenVerifier verifier;
  private RegisteredProviders registered;

  @BeforeEach
  void start() throws Exception {
    idp = new TestOidcProvider();
    clock = new MutableClock(NOW);
    verifier = new WebIdentityTokenVerifier(new OidcProviderKeys(KeyFetchSettings.defaults(), clock, idp.clientTls()), clock);
    registered = RegisteredProviders.of(List.of(idp.record()));
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  private VerifiedWebIdentity verify(JWTClaimsSet claims) throws Exception {
    return verifier.verify(TestOidcProvider.sign(idp.rsa, JWSAlgorithm.RS256, claims), registered);
  }

  private LanyardException refusal(JWTClaimsSet claims) throws Exception {
    String token = TestOidcProvider.sign(idp.rsa, JWSAlgorithm.RS256, claims);
    return assertThrows(LanyardException.class, () -> verifier.verify(token, registered));
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "RS384", "RS512", "ES256", "ES384", "ES512"})
  void eachAcceptedAlgorithmVerifiesWithTheMatchingKey(String name) throws Exception {
    JWSAlgorithm alg = JWSAlgorithm.parse(name);
    JWK key = switch (name) {
      case "ES256" -> idp.ec256;
      case "ES384" -> idp.ec384;
      case "ES512" -> idp.ec521;
      default -> idp.rsa;
    };
    VerifiedWebIdentity identity = verifier.verify(TestOidcProvider.sign(key, alg, idp.claims(NOW).build()), registered);
    assertEquals("repo:lanyard/app:ref:refs/heads/main", identity.subject());
  }

  @Test
  void theVerifiedIdentityCarriesProviderSubjectAudienceTimesAndClaims() throws Exception {
    VerifiedWebIdentity identity = verify(idp.claims(NOW).claim("repository", "lanyard/app")
        .claim("amr", List.of("pwd", "mfa")).build());
    OidcProvider record = idp.record();
    assertEquals(record.arn(), identity.providerArn());
    assertEquals(idp.url(), identity.issuer());
    assertEquals(TestOidcProvider.CLIENT_ID, identity.audience());
    assertEquals(List.of(TestOidcProvider.CLIENT_ID), identity.audiences());
    assertNull(identity.authorizedParty());
    assertEquals(List.of("pwd", "mfa"), identity.amr());
    assertEquals(NOW, identity.issuedAt());
    assertEquals(NOW.plusSeconds(600), identity.expiresAt());
    assertEquals("lanyard/app", identity.claims().get("repository"));
    assertEquals(NOW.plusSeconds(600).getEpochSecond(), ((Number) identity.claims().get("exp")).longValue());
    assertThrows(UnsupportedOperationException.class, () -> identity.claims().put("x", "y"));
    assertEquals(PrincipalType.WEB_IDENTITY_USER, identity.principal().type());
    assertEquals(record.arn(), identity.principal().arn());
    assertTrue(identity.sessionTags().isEmpty());
    assertNull(identity.sourceIdentity());
  }

  @Test
  void conditionKeysArePrefixedWithTheProviderUrlWithoutScheme() throws Exception {
    VerifiedWebIdentity identity = verify(idp.claims(NOW).claim("amr", "authenticated").build());
    String prefix = idp.url().substring("https://".length());
    Map<String, List<String>> keys = identity.conditionKeys();
    assertEquals(Map.of(
        prefix + ":aud", List.of(TestOidcProvider.CLIENT_ID),
        prefix + ":sub", List.of("repo:lanyard/app:ref:refs/heads/main"),
        prefix + ":amr", List.of("authenticated"),
        "aws:FederatedProvider", List.of(idp.record().arn())), keys);
  }

  @Test
  void anAudienceListMatchesWhenOneValueIsAClientId() throws Exception {
    VerifiedWebIdentity identity = verify(idp.claims(NOW).audience(List.of("unrelated", "other-client")).build());
    assertEquals("other-client", identity.audience());
    assertEquals(List.of("unrelated", "other-client"), identity.audiences());
  }

  @Test
  void azpWhenPresentIsTheAudienceThatMustMatch() throws Exception {
    VerifiedWebIdentity identity = verify(idp.claims(NOW).audience("aws-trust").claim("azp", TestOidcProvider.CLIENT_ID).build());
    String prefix = identity.conditionKeyPrefix();
    assertEquals(TestOidcProvider.CLIENT_ID, identity.audience());
    assertEquals(List.of(TestOidcProvider.CLIENT_ID), identity.conditionKeys().get(prefix + ":azp"));
    assertEquals(List.of("aws-trust"), identity.conditionKeys().get(prefix + ":oaud"));

    LanyardException e = refusal(idp.claims(NOW).audience(TestOidcProvider.CLIENT_ID).claim("azp", "not-registered").build());
    assertEquals(AwsErrorCode.IDPRejectedClaim, e.code());
    assertTrue(e.getMessage().contains("azp"), e.getMessage());
  }

  @Test
  void anIssuerWithoutSchemeNamesTheSameProvider() throws Exception {
    String bare = idp.url().substring("https://".length());
    VerifiedWebIdentity identity = verify(idp.claims(NOW).issuer(bare).build());
    assertEquals(bare, identity.issuer());
    assertEquals(idp.record().arn(), identity.providerArn());
  }

  @Test
  void issuersMatchExactly() {
    OidcProvider provider = idp.record();
    assertTrue(RegisteredProviders.issuerMatches(provider, idp.url()));
    assertFalse(RegisteredProviders.issuerMatches(provider, idp.url() + "/"));
    assertFalse(RegisteredProviders.issuerMatches(provider, idp.url().toUpperCase(java.util.Locale.ROOT)));
    assertFalse(RegisteredProviders.issuerMatches(provider, "http://" + idp.url().substring(8)));
    assertFalse(RegisteredProviders.issuerMatches(provider, idp.url().substring(9)));
    assertFalse(RegisteredProviders.issuerMatches(provider, ""));
  }

  @Test
  void aLenientLookupDoesNotWidenWhatIsAccepted() throws Exception {
    RegisteredProviders anything = issuer -> java.util.Optional.of(idp.record());
    String token = TestOidcProvider.sign(idp.rsa, JWSAlgorithm.RS256, idp.claims(NOW).issuer(idp.url() + "/").build());
    LanyardException e = assertThrows(LanyardException.class, () -> verifier.verify(token, anything));
    assertEquals(AwsErrorCode.InvalidIdentityToken, e.code());
  }

  @Test
  void sessionTagsAndSourceIdentityComeFromAwsClaims() throws Exception {
    Map<String, Object> tags = Map.of(
        "principal_tags", Map.of("Project", List.of("Lanyard"), "CostCenter", List.of("987654")),
        "transitive_tag_keys", List.of("CostCenter"));
    VerifiedWebIdentity identity = verify(idp.claims(NOW).claim(AwsSessionClaims.TAGS_CLAIM, tags)
        .claim(AwsSessionClaims.SOURCE_IDENTITY_CLAIM, "alice@example.com").build());
    assertEquals(2, identity.sessionTags().tags().size());
    assertTrue(identity.sessionTags().tags().contains(new Tag("Project", "Lanyard")));
    assertTrue(identity.sessionTags().tags().contains(new Tag("CostCenter", "987654")));
    assertEquals(List.of("CostCenter"), identity.sessionTags().transitiveKeys());
    assertEquals("alice@example.com", identity.sourceIdentity());
  }

  @Test
  void malformedAwsClaimsAreInvalidIdentityToken() throws Exception {
    LanyardException twoValues = refusal(idp.claims(NOW).claim(AwsSessionClaims.TAGS_CLAIM,
        Map.of("principal_tags", Map.of("Project", List.of("a", "b")))).build());
    assertEquals(AwsErrorCode.InvalidIdentityToken, twoValues.code());
    assertTrue(twoValues.getMessage().contains("exactly one string"), twoValues.getMessage());

    LanyardException notObject = refusal(idp.claims(NOW).claim(AwsSessionClaims.TAGS_CLAIM, "Project=x").build());
    assertEquals(AwsErrorCode.InvalidIdentityToken, notObject.code());

    LanyardException source = refusal(idp.claims(NOW).claim(AwsSessionClaims.SOURCE_IDENTITY_CLAIM, 42).build());
    assertEquals(AwsErrorCode.InvalidIdentityToken, source.code());
  }

  @Test
  void subAndExpAreRequired() throws Exception {
    LanyardException noSub = refusal(idp.claims(NOW).subject(null).build());
    assertEquals(AwsErrorCode.InvalidIdentityToken, noSub.code());
    assertTrue(noSub.getMessage().contains("sub"), noSub.getMessage());

    LanyardException noExp = refusal(idp.claims(NOW).expirationTime(null).build());
    assertEquals(AwsErrorCode.InvalidIdentityToken, noExp.code());
    assertTrue(noExp.getMessage().contains("exp"), noExp.getMessage());

    LanyardException noAud = refusal(idp.claims(NOW).audience((String) null).build());
    assertEquals(AwsErrorCode.InvalidIdentityToken, noAud.code());
  }

  @Test
  void theSkewAllowsSlightlyDifferentClocksAndNoMore() throws Exception {
    JWTClaimsSet claims = idp.claims(NOW.minusSeconds(600)).expirationTime(Date.from(NOW.minusSeconds(30))).build();
    assertEquals(NOW.minusSeconds(30), verify(claims).expiresAt());
    clock.advance(Duration.ofSeconds(31));
    assertEquals(AwsErrorCode.ExpiredTokenException, refusal(claims).code());

    clock.set(NOW);
    assertEquals(NOW.plusSeconds(59), verify(idp.claims(NOW).issueTime(Date.from(NOW.plusSeconds(59)))
        .notBeforeTime(Date.from(NOW.plusSeconds(59))).build()).issuedAt());

    WebIdentityTokenVerifier strict = new WebIdentityTokenVerifier(
        new OidcProviderKeys(KeyFetchSettings.defaults(), clock, idp.clientTls()), clock, Duration.ZERO);
    String late = TestOidcProvider.sign(idp.rsa, JWSAlgorithm.RS256,
        idp.claims(NOW).issueTime(Date.from(NOW.plusSeconds(1))).build());
    assertEquals(AwsErrorCode.InvalidIdentityToken,
        assertThrows(LanyardException.class, () -> strict.verify(late, registered)).code());
  }

  @Test
  void withoutKidTheOnlyFittingKeyIsUsedAndSeveralAreRefused() throws Exception {
    JWSHeader noKid384 = new JWSHeader.Builder(JWSAlgorithm.ES384).build();
    assertEquals(NOW.plusSeconds(600), verifier.verify(
        TestOidcProvider.sign(idp.ec384, noKid384, idp.claims(NOW).build()), registered).expiresAt());

    idp.rotateRsa();
    clock.advance(Duration.ofHours(2));
    JWSHeader noKidRsa = new JWSHeader.Builder(JWSAlgorithm.RS256).build();
    String token = TestOidcProvider.sign(idp.rsa, noKidRsa, idp.claims(clock.instant()).build());
    LanyardException e = assertThrows(LanyardException.class, () -> verifier.verify(token, registered));
    assertEquals(AwsErrorCode.InvalidIdentityToken, e.code());
    assertTrue(e.getMessage().contains("no kid"), e.getMessage());
  }

  @Test
  void messagesNeverEchoClaimValues() throws Exception {
    String secretish = "sub-value-that-must-not-appear-in-errors";
    LanyardException e = refusal(idp.claims(NOW).subject(secretish).audience("aud-value-that-must-not-appear").build());
    assertEquals(AwsErrorCode.IDPRejectedClaim, e.code());
    assertFalse(e.getMessage().contains(secretish), e.getMessage());
    assertFalse(e.getMessage().contains("aud-value-that-must-not-appear"), e.getMessage());
  }
}

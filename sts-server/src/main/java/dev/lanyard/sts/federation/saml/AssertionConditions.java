package dev.lanyard.sts.federation.saml;

import java.time.Instant;
import java.util.List;

/**
 * The checks on what a verified assertion says: status, issuer, destination, the one bearer
 * confirmation (recipient, NotOnOrAfter), the Conditions window and audience restrictions, and the
 * authentication session's end. Each time check allows the configured skew.
 */
final class AssertionConditions {
  private AssertionConditions() {
  }

  /** What passed: the matched audience and recipient, and how long the assertion id must be remembered. */
  record Checked(String audience, String recipient, Instant replayUntil) {
  }

  static Checked check(AssertionContent content, SamlMetadata metadata, SamlVerifierSettings settings, Instant now) {
    if (!SamlNames.STATUS_SUCCESS.equals(content.statusCode())) {
      throw SamlRefusal.invalid("the Response Status is not Success; accepted: " + SamlNames.STATUS_SUCCESS);
    }
    if (content.responseIssuer() != null && !metadata.entityId().equals(content.responseIssuer())) {
      throw SamlRefusal.invalid("the Response Issuer is not the SAML provider's entityID");
    }
    if (!metadata.entityId().equals(content.issuer())) {
      throw SamlRefusal.invalid("the Assertion Issuer is not the SAML provider's entityID");
    }
    if (content.destination() != null && !settings.recipients().contains(content.destination())) {
      throw SamlRefusal.invalid("the Response Destination is not an endpoint of this service; accepted: "
          + settings.recipients());
    }
    AssertionContent.Confirmation bearer = bearer(content.confirmations());
    if (bearer.recipient() == null || !settings.recipients().contains(bearer.recipient())) {
      throw SamlRefusal.invalid("the SubjectConfirmationData Recipient is missing or not an endpoint of this"
          + " service; accepted: " + settings.recipients());
    }
    if (bearer.notOnOrAfter() == null) {
      throw SamlRefusal.invalid("the SubjectConfirmationData has no NotOnOrAfter; one is required");
    }
    Instant lateNow = now.minus(settings.clockSkew());
    if (!lateNow.isBefore(bearer.notOnOrAfter())) {
      throw SamlRefusal.expired("the SubjectConfirmationData NotOnOrAfter has passed; the assertion has expired");
    }
    if (content.notBefore() != null && now.plus(settings.clockSkew()).isBefore(content.notBefore())) {
      throw SamlRefusal.invalid("the Conditions NotBefore is in the future; the assertion is not yet valid");
    }
    if (content.notOnOrAfter() != null && !lateNow.isBefore(content.notOnOrAfter())) {
      throw SamlRefusal.expired("the Conditions NotOnOrAfter has passed; the assertion has expired");
    }
    if (content.sessionNotOnOrAfter() != null && !now.isBefore(content.sessionNotOnOrAfter())) {
      throw SamlRefusal.expired("the AuthnStatement SessionNotOnOrAfter has passed; the IdP session has ended");
    }
    String audience = audience(content.audienceRestrictions(), settings.audiences());
    Instant until = bearer.notOnOrAfter();
    if (content.notOnOrAfter() != null && content.notOnOrAfter().isAfter(until)) {
      until = content.notOnOrAfter();
    }
    return new Checked(audience, bearer.recipient(), until.plus(settings.clockSkew()));
  }

  private static AssertionContent.Confirmation bearer(List<AssertionContent.Confirmation> confirmations) {
    List<AssertionContent.Confirmation> bearers = confirmations.stream()
        .filter(c -> SamlNames.BEARER.equals(c.method()))
        .toList();
    if (bearers.size() != 1) {
      throw SamlRefusal.invalid("the Subject has " + bearers.size() + " bearer SubjectConfirmation elements;"
          + " exactly one (Method " + SamlNames.BEARER + ") is required");
    }
    return bearers.get(0);
  }

  /** Every AudienceRestriction must name an accepted audience; the first match of the first is returned. */
  private static String audience(List<List<String>> restrictions, List<String> accepted) {
    if (restrictions.isEmpty()) {
      throw SamlRefusal.invalid("the Conditions have no AudienceRestriction; one naming an accepted audience is"
          + " required; accepted: " + accepted);
    }
    String matched = null;
    for (List<String> restriction : restrictions) {
      String first = restriction.stream().filter(accepted::contains).findFirst().orElseThrow(() ->
          SamlRefusal.invalid("an AudienceRestriction names no accepted Audience; accepted: " + accepted));
      if (matched == null) {
        matched = first;
      }
    }
    return matched;
  }
}

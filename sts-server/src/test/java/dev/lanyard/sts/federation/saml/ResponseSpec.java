package dev.lanyard.sts.federation.saml;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a test Response says; defaults make a valid response for {@code now}. */
final class ResponseSpec {
  String responseId = "_r" + UUID.randomUUID();
  String assertionId = "_a" + UUID.randomUUID();
  Instant issueInstant;
  String issuer;
  String nameId = "alice@example.com";
  String nameIdFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
  String recipient = SamlVerifierSettings.AWS_SIGNIN_SAML;
  String destination = SamlVerifierSettings.AWS_SIGNIN_SAML;
  Instant confirmationNotOnOrAfter;
  Instant notBefore;
  Instant notOnOrAfter;
  List<String> audiences = new ArrayList<>(List.of(SamlVerifierSettings.AWS_SIGNIN_SAML));
  Instant sessionNotOnOrAfter;
  String statusCode = "urn:oasis:names:tc:SAML:2.0:status:Success";
  final Map<String, List<String>> attributes = new LinkedHashMap<>();

  ResponseSpec(Instant now, String roleArn, String providerArn) {
    issueInstant = now;
    confirmationNotOnOrAfter = now.plus(Duration.ofMinutes(5));
    notBefore = now.minus(Duration.ofMinutes(1));
    notOnOrAfter = now.plus(Duration.ofMinutes(5));
    sessionNotOnOrAfter = now.plus(Duration.ofHours(8));
    attributes.put(AwsSamlAttributes.ROLE, List.of(roleArn + "," + providerArn));
    attributes.put(AwsSamlAttributes.ROLE_SESSION_NAME, List.of("alice@example.com"));
  }

  ResponseSpec attribute(String name, String... values) {
    attributes.put(name, List.of(values));
    return this;
  }

  String toXml(String defaultIssuer) {
    String iss = issuer == null ? defaultIssuer : issuer;
    StringBuilder xml = new StringBuilder()
        .append("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"")
        .append(" xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"")
        .append(" ID=\"").append(responseId).append("\" Version=\"2.0\" IssueInstant=\"").append(issueInstant).append('"');
    if (destination != null) {
      xml.append(" Destination=\"").append(escape(destination)).append('"');
    }
    xml.append("><saml:Issuer>").append(escape(iss)).append("</saml:Issuer>")
        .append("<samlp:Status><samlp:StatusCode Value=\"").append(statusCode).append("\"/></samlp:Status>")
        .append("<saml:Assertion ID=\"").append(assertionId).append("\" Version=\"2.0\" IssueInstant=\"")
        .append(issueInstant).append("\">")
        .append("<saml:Issuer>").append(escape(iss)).append("</saml:Issuer>")
        .append("<saml:Subject><saml:NameID Format=\"").append(nameIdFormat).append("\">").append(escape(nameId))
        .append("</saml:NameID>")
        .append("<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">")
        .append("<saml:SubjectConfirmationData NotOnOrAfter=\"").append(confirmationNotOnOrAfter)
        .append("\" Recipient=\"").append(escape(recipient)).append("\"/></saml:SubjectConfirmation></saml:Subject>")
        .append("<saml:Conditions NotBefore=\"").append(notBefore).append("\" NotOnOrAfter=\"").append(notOnOrAfter)
        .append("\"><saml:AudienceRestriction>");
    for (String audience : audiences) {
      xml.append("<saml:Audience>").append(escape(audience)).append("</saml:Audience>");
    }
    xml.append("</saml:AudienceRestriction></saml:Conditions>")
        .append("<saml:AuthnStatement AuthnInstant=\"").append(issueInstant).append('"');
    if (sessionNotOnOrAfter != null) {
      xml.append(" SessionNotOnOrAfter=\"").append(sessionNotOnOrAfter).append('"');
    }
    xml.append(" SessionIndex=\"_s1\"><saml:AuthnContext><saml:AuthnContextClassRef>")
        .append("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport")
        .append("</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>")
        .append("<saml:AttributeStatement>");
    attributes.forEach((name, values) -> {
      xml.append("<saml:Attribute Name=\"").append(escape(name)).append("\">");
      for (String value : values) {
        xml.append("<saml:AttributeValue>").append(escape(value)).append("</saml:AttributeValue>");
      }
      xml.append("</saml:Attribute>");
    });
    return xml.append("</saml:AttributeStatement></saml:Assertion></samlp:Response>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

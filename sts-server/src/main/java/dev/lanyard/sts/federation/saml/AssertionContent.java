package dev.lanyard.sts.federation.saml;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * What a located Response and its signed Assertion say, read by walking the children of those two
 * elements (never by a fresh search of the document). Optional values are null when absent.
 */
record AssertionContent(
    String responseIssuer,
    String destination,
    String statusCode,
    String assertionId,
    String issuer,
    String nameId,
    String nameIdFormat,
    List<Confirmation> confirmations,
    Instant notBefore,
    Instant notOnOrAfter,
    List<List<String>> audienceRestrictions,
    Instant sessionNotOnOrAfter,
    Map<String, List<String>> attributes) {

  /** A {@code SubjectConfirmation} with its {@code SubjectConfirmationData}. */
  record Confirmation(String method, String recipient, Instant notOnOrAfter) {
  }

  static AssertionContent read(SignedAssertionLocator.Located located) {
    Element response = located.response();
    Element assertion = located.assertion();
    String ns = SamlNames.ASSERTION_NS;
    Element responseIssuer = DomReading.atMostOne(response, ns, "Issuer", "Response/Issuer");
    Element status = DomReading.exactlyOne(response, SamlNames.PROTOCOL_NS, "Status", "Response/Status");
    Element statusCode = DomReading.exactlyOne(status, SamlNames.PROTOCOL_NS, "StatusCode", "Status/StatusCode");
    if (!"2.0".equals(assertion.getAttribute("Version"))) {
      throw SamlRefusal.invalid("Assertion Version is not 2.0; only SAML 2.0 assertions are accepted");
    }
    Element subject = DomReading.exactlyOne(assertion, ns, "Subject", "Assertion/Subject");
    Element nameId = DomReading.exactlyOne(subject, ns, "NameID", "Subject/NameID");
    Element conditions = DomReading.exactlyOne(assertion, ns, "Conditions", "Assertion/Conditions");
    return new AssertionContent(
        responseIssuer == null ? null : DomReading.text(responseIssuer, "Response/Issuer").strip(),
        attribute(response, "Destination"),
        statusCode.getAttribute("Value"),
        assertion.getAttribute("ID"),
        DomReading.text(DomReading.exactlyOne(assertion, ns, "Issuer", "Assertion/Issuer"), "Assertion/Issuer").strip(),
        DomReading.text(nameId, "NameID"),
        attribute(nameId, "Format"),
        confirmations(subject),
        time(conditions, "NotBefore", "Conditions"),
        time(conditions, "NotOnOrAfter", "Conditions"),
        audiences(conditions),
        sessionNotOnOrAfter(assertion),
        attributes(assertion));
  }

  private static List<Confirmation> confirmations(Element subject) {
    List<Confirmation> found = new ArrayList<>();
    for (Element confirmation : DomReading.children(subject, SamlNames.ASSERTION_NS, "SubjectConfirmation")) {
      Element data = DomReading.atMostOne(confirmation, SamlNames.ASSERTION_NS, "SubjectConfirmationData",
          "SubjectConfirmation/SubjectConfirmationData");
      found.add(new Confirmation(confirmation.getAttribute("Method"),
          data == null ? null : attribute(data, "Recipient"),
          data == null ? null : time(data, "NotOnOrAfter", "SubjectConfirmationData")));
    }
    return List.copyOf(found);
  }

  private static List<List<String>> audiences(Element conditions) {
    List<List<String>> restrictions = new ArrayList<>();
    for (Element restriction : DomReading.children(conditions, SamlNames.ASSERTION_NS, "AudienceRestriction")) {
      List<String> audiences = new ArrayList<>();
      for (Element audience : DomReading.children(restriction, SamlNames.ASSERTION_NS, "Audience")) {
        audiences.add(DomReading.text(audience, "Audience").strip());
      }
      restrictions.add(List.copyOf(audiences));
    }
    return List.copyOf(restrictions);
  }

  private static Instant sessionNotOnOrAfter(Element assertion) {
    Instant earliest = null;
    for (Element authn : DomReading.children(assertion, SamlNames.ASSERTION_NS, "AuthnStatement")) {
      Instant end = time(authn, "SessionNotOnOrAfter", "AuthnStatement");
      if (end != null && (earliest == null || end.isBefore(earliest))) {
        earliest = end;
      }
    }
    return earliest;
  }

  private static Map<String, List<String>> attributes(Element assertion) {
    Map<String, List<String>> all = new LinkedHashMap<>();
    for (Element statement : DomReading.children(assertion, SamlNames.ASSERTION_NS, "AttributeStatement")) {
      for (Element attribute : DomReading.children(statement, SamlNames.ASSERTION_NS, "Attribute")) {
        String name = attribute.getAttribute("Name");
        if (name.isEmpty()) {
          throw SamlRefusal.invalid("an Attribute has no Name; every Attribute needs one");
        }
        List<String> values = all.computeIfAbsent(name, n -> new ArrayList<>());
        for (Element value : DomReading.children(attribute, SamlNames.ASSERTION_NS, "AttributeValue")) {
          values.add(DomReading.text(value, "AttributeValue of " + shortName(name)));
        }
      }
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    all.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(frozen);
  }

  /** An attribute name short enough for a message. */
  static String shortName(String name) {
    return name.length() <= 128 ? name : name.substring(0, 128) + "...";
  }

  private static String attribute(Element element, String name) {
    return element.hasAttribute(name) ? element.getAttribute(name) : null;
  }

  private static Instant time(Element element, String name, String owner) {
    if (!element.hasAttribute(name)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(element.getAttribute(name)).toInstant();
    } catch (DateTimeParseException e) {
      throw SamlRefusal.invalid(owner + " " + name + " is not an xs:dateTime in UTC (for example"
          + " 2030-01-01T00:00:00Z)");
    }
  }
}

package dev.lanyard.sts.federation.saml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS's trust-policy keys for SAML federation. {@code saml:aud} is the Recipient (not the Audience),
 * {@code saml:iss} the Issuer, {@code saml:sub}/{@code saml:sub_type} the NameID and its short
 * format, {@code saml:doc} is {@code <account>/<provider name>}, {@code saml:namequalifier} is
 * {@code Base64(SHA1(issuer + account + "/" + provider name))}, and the eduPerson, eduOrg and X.500
 * attributes named by their OID URN become {@code saml:<name>} keys with all their values.
 */
final class SamlContextKeys {
  /** Attribute Name (OID URN) to context key, as AWS maps them. */
  static final Map<String, String> ATTRIBUTE_KEYS = Map.ofEntries(
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.1.1.1", "saml:edupersonaffiliation"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.1.1.2", "saml:edupersonnickname"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.1.1.3", "saml:edupersonorgdn"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.1.1.4", "saml:edupersonorgunitdn"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.1.1.5", "saml:edupersonprimaryaffiliation"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.1.1.6", "saml:edupersonprincipalname"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.1.1.7", "saml:edupersonentitlement"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.1.1.8", "saml:edupersonprimaryorgunitdn"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.1.1.9", "saml:edupersonscopedaffiliation"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.1.1.10", "saml:edupersontargetedid"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.1.1.11", "saml:edupersonassurance"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.2.1.2", "saml:eduorghomepageuri"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.2.1.3", "saml:eduorgidentityauthnpolicyuri"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.2.1.4", "saml:eduorglegalname"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.2.1.5", "saml:eduorgsuperioruri"),
      Map.entry("urn:oid:1.3.6.1.4.1.5923.1.2.1.6", "saml:eduorgwhitepagesuri"),
      Map.entry("urn:oid:2.5.4.3", "saml:cn"),
      Map.entry("urn:oid:2.5.4.4", "saml:surname"),
      Map.entry("urn:oid:2.5.4.41", "saml:name"),
      Map.entry("urn:oid:2.5.4.42", "saml:givenName"),
      Map.entry("urn:oid:2.5.4.45", "saml:x500UniqueIdentifier"),
      Map.entry("urn:oid:0.9.2342.19200300.100.1.1", "saml:uid"),
      Map.entry("urn:oid:0.9.2342.19200300.100.1.3", "saml:mail"));

  private SamlContextKeys() {
  }

  /** AWS's NameQualifier: {@code Base64(SHA1(issuer + accountId + "/" + providerName))}. */
  static String nameQualifier(String issuer, String accountId, String providerName) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest((issuer + accountId + "/" + providerName).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by the Java platform", e);
    }
  }

  /** AWS's SubjectType: the NameID Format without the SAML 2.0 nameid-format prefix, other formats unchanged. */
  static String subjectType(String format) {
    String full = format == null || format.isBlank() ? SamlNames.NAMEID_UNSPECIFIED : format;
    return full.startsWith(SamlNames.NAMEID_FORMAT_PREFIX) ? full.substring(SamlNames.NAMEID_FORMAT_PREFIX.length())
        : full;
  }

  static Map<String, List<String>> of(VerifiedSamlAssertion assertion) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put("saml:aud", List.of(assertion.recipient()));
    keys.put("saml:iss", List.of(assertion.issuer()));
    keys.put("saml:sub", List.of(assertion.subject()));
    keys.put("saml:sub_type", List.of(assertion.subjectType()));
    keys.put("saml:namequalifier", List.of(assertion.nameQualifier()));
    keys.put("saml:doc", List.of(assertion.accountId() + "/" + assertion.providerName()));
    assertion.attributes().forEach((name, values) -> {
      String key = ATTRIBUTE_KEYS.get(name);
      if (key != null && !values.isEmpty()) {
        keys.put(key, values);
      }
    });
    return Collections.unmodifiableMap(keys);
  }
}

package dev.lanyard.sts.federation.saml;

/** The SAML 2.0 and XML Signature namespaces and fixed values this package reads. */
final class SamlNames {
  static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
  static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
  static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
  static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
  static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
  static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
  static final String NAMEID_UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
  static final String NAMEID_FORMAT_PREFIX = "urn:oasis:names:tc:SAML:2.0:nameid-format:";
  static final String PROTOCOL_SUPPORT = "urn:oasis:names:tc:SAML:2.0:protocol";

  private SamlNames() {
  }
}

package dev.lanyard.sts.federation.saml;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;

/**
 * The test SAML IdP ({@link TestSamlIdp}: its own RSA key and certificate, responses signed with
 * the JDK's XML signature API) opened to tests outside this package, such as the end-to-end tests
 * of a running node.
 */
public final class SamlTestIdp {
  private final TestSamlIdp idp;

  private SamlTestIdp(TestSamlIdp idp) {
    this.idp = idp;
  }

  /** An IdP with a fresh RSA-2048 key and this entity id. */
  public static SamlTestIdp rsa(String entityId) {
    return new SamlTestIdp(TestSamlIdp.rsa(entityId));
  }

  public String entityId() {
    return idp.entityId;
  }

  /** The IdP metadata XML naming its signing certificate. */
  public String metadata() {
    return idp.metadata();
  }

  /**
   * A base64 SAMLResponse whose Assertion is signed: NameID {@code alice@example.com} (persistent),
   * bearer confirmation to {@code recipient} valid 5 minutes, audience {@code audience}, the Role
   * attribute pairing {@code roleArn} with {@code providerArn}, RoleSessionName, session valid 8
   * hours, a fresh assertion id, and {@code extraAttributes} (full attribute names).
   */
  public String signedResponse(Instant now, String roleArn, String providerArn, String recipient, String audience,
      Map<String, List<String>> extraAttributes) {
    ResponseSpec spec = new ResponseSpec(now, roleArn, providerArn);
    spec.recipient = recipient;
    spec.destination = recipient;
    spec.audiences = new java.util.ArrayList<>(List.of(audience));
    spec.attributes.putAll(extraAttributes);
    Document doc = idp.response(spec);
    idp.signAssertion(doc);
    return TestSamlIdp.encode(doc);
  }

  /** The AWS attribute name prefix ({@code https://aws.amazon.com/SAML/Attributes/}). */
  public static String awsAttribute(String name) {
    return AwsSamlAttributes.PREFIX + name;
  }
}

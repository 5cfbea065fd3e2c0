/**
 * SAML 2.0 federation: verifying the IdP's signed response for AssumeRoleWithSAML.
 *
 * <p>{@link dev.lanyard.sts.federation.saml.SamlMetadata} reads a provider's IdP metadata (entity id
 * and signing certificates); {@link dev.lanyard.sts.federation.saml.HardenedXml} parses untrusted
 * XML (no DTDs, entities or XInclude; size, depth and element limits);
 * {@link dev.lanyard.sts.federation.saml.SamlResponseVerifier} is the only maker of
 * {@link dev.lanyard.sts.federation.saml.VerifiedSamlAssertion}, read from exactly the element the
 * signature covers, so signature-wrapping fails.
 */
package dev.lanyard.sts.federation.saml;

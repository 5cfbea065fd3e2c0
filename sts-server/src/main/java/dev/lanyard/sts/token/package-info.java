/**
 * Session tokens: signed JWTs that carry a temporary session's identity, tags, session policy and
 * sealed secret, so that any node can verify them without a lookup.
 *
 * <p>{@link dev.lanyard.sts.token.SessionTokenIssuer} mints, {@link
 * dev.lanyard.sts.token.SessionTokenVerifier} verifies and is the only maker of {@link
 * dev.lanyard.sts.token.VerifiedSession}; {@link dev.lanyard.sts.token.SessionTokenFormat} documents
 * the claims; {@link dev.lanyard.sts.token.PackedPolicySize} measures session policy and tags.
 */
package dev.lanyard.sts.token;

/**
 * Loopback OpenID Connect identity providers for the load generator's {@code web-identity}
 * scenario and the federation benchmarks: self-signed TLS, discovery, a JWKS, RS256 ID tokens, and
 * the material kept in a folder between runs ({@link dev.lanyard.load.idp.IdpDirectory}).
 */
package dev.lanyard.load.idp;

/**
 * Local, offline verification of Lanyard session tokens for services: {@link
 * dev.lanyard.sdk.verify.SessionTokenVerifier} checks a token against the server's published JWKS
 * (fetched over HTTP(S), cached, refetched on an unknown key id) and yields a {@link
 * dev.lanyard.sdk.verify.VerifiedSessionToken}, or a {@link
 * dev.lanyard.sdk.verify.SessionTokenRejectedException} naming the reason.
 */
package dev.lanyard.sdk.verify;

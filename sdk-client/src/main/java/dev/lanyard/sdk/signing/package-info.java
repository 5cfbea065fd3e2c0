/**
 * AWS Signature Version 4: signing requests and, with the same code, verifying them.
 *
 * <p>{@link dev.lanyard.sdk.signing.SigV4Signer} signs a {@link dev.lanyard.sdk.signing.SignableRequest};
 * {@link dev.lanyard.sdk.signing.SigV4Verifier} parses the signature a request carries and checks
 * it against a secret; {@link dev.lanyard.sdk.signing.Canonicalization} holds the canonical forms
 * (URI, query, header values) that both use. The gRPC view of a call lives in
 * {@code dev.lanyard.sdk.signing.grpc}.
 */
package dev.lanyard.sdk.signing;

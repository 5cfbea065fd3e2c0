package dev.lanyard.sdk.signing.grpc;

import dev.lanyard.sdk.signing.SigV4Signature;

/** Signs one call's view given its request message bytes. */
@FunctionalInterface
interface CallSigner {
  SigV4Signature sign(byte[] message);
}

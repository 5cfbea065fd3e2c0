package dev.lanyard.sts.agent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * The possession proof of AssumeRoleForInstance: an Ed25519 signature by the host key over the UTF-8
 * bytes of {@value #CONTEXT} + instance id + {@code "\n"}, followed by the challenge bytes (the
 * proto's definition). The prefix keeps a host key's signatures for this purpose apart from any
 * other use of the key.
 */
final class InstanceProof {
  static final String CONTEXT = "lanyard-instance-proof-v1\n";
  static final int SIGNATURE_BYTES = 64;

  private InstanceProof() {}

  /** The bytes the host key signs. */
  static byte[] signedBytes(String instanceId, byte[] challenge) {
    byte[] head = (CONTEXT + instanceId + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + challenge.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(challenge, 0, out, head.length, challenge.length);
    return out;
  }

  /** Whether {@code signature} is the host key's signature over this instance's challenge. */
  static boolean verifies(PublicKey hostKey, String instanceId, byte[] challenge, byte[] signature) {
    if (signature.length != SIGNATURE_BYTES) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(hostKey);
      verifier.update(signedBytes(instanceId, challenge));
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}

package dev.lanyard.sdk.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyTest {
  @TempDir Path dir;

  @Test
  void theKeyIsCreatedOwnerOnlyAndReloadedWithTheSamePublicKey() throws Exception {
    Path file = dir.resolve("host-key");
    HostKey created = HostKey.loadOrCreate(file, new SecureRandom());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    HostKey reloaded = HostKey.loadOrCreate(file, new SecureRandom());
    assertArrayEquals(created.publicKeyDer(), reloaded.publicKeyDer());
    assertFalse(reloaded.toString().contains(java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file))));
  }

  @Test
  void theProofIsAnEd25519SignatureOverThePrefixTheInstanceAndTheChallenge() throws Exception {
    HostKey key = HostKey.loadOrCreate(dir.resolve("host-key"), new SecureRandom());
    byte[] challenge = {1, 2, 3, 4};
    byte[] signature = key.signProof("i-0123456789abcdef0", challenge);
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(key.publicKeyDer())));
    verifier.update("lanyard-instance-proof-v1\ni-0123456789abcdef0\n".getBytes(StandardCharsets.UTF_8));
    verifier.update(challenge);
    assertTrue(verifier.verify(signature));
    verifier.update("lanyard-instance-proof-v1\ni-0123456789abcdef1\n".getBytes(StandardCharsets.UTF_8));
    verifier.update(challenge);
    assertFalse(verifier.verify(signature), "bound to the instance id");
  }

  @Test
  void aFileThatIsNotAnEd25519KeyIsRefusedWithAWayOut() throws Exception {
    Path file = dir.resolve("host-key");
    Files.write(file, new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> HostKey.loadOrCreate(file, new SecureRandom()));
    assertTrue(e.getMessage().contains("move it away"), e.getMessage());
  }
}

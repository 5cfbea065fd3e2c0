package dev.lanyard.sdk.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * The host's Ed25519 key, kept as PKCS#8 DER in an owner-only (0600) file: created on first start,
 * reused afterwards. It signs instance proofs; it never hands out its private bytes, and {@link
 * #toString()} names the file only.
 */
public final class HostKey {
  /** The prefix of the proof, as the STS proto defines it. */
  static final String PROOF_CONTEXT = "lanyard-instance-proof-v1\n";

  private final Path file;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private HostKey(Path file, PrivateKey privateKey, PublicKey publicKey) {
    this.file = file;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** Loads the key in {@code file}, or creates it (mode 0600) when absent. */
  public static HostKey loadOrCreate(Path file, SecureRandom random) {
    if (!Files.exists(file)) {
      KeyPair pair = generate(random);
      byte[] der = pair.getPrivate().getEncoded();
      try {
        if (PrivateFiles.createIfAbsent(file, der)) {
          return new HostKey(file, pair.getPrivate(), pair.getPublic());
        }
      } finally {
        Arrays.fill(der, (byte) 0);
      }
    }
    return load(file);
  }

  private static HostKey load(Path file) {
    byte[] der;
    try {
      der = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("host key " + file + ": cannot be read", e);
    }
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
      if (!(key instanceof EdECPrivateKey ed) || !"Ed25519".equals(ed.getParams().getName())) {
        throw new IllegalStateException("host key " + file + ": is not an Ed25519 private key");
      }
      HostKey loaded = new HostKey(file, key, publicFrom(factory, ed));
      loaded.checkPair();
      return loaded;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("host key " + file + ": is not an Ed25519 private key in PKCS#8 DER form;"
          + " move it away to let the agent create a new one (the host must then enrol again)", e);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /** The public key as X.509 SubjectPublicKeyInfo DER, as EnrollInstance takes it. */
  public byte[] publicKeyDer() {
    return publicKey.getEncoded();
  }

  /** Signs the proof for {@code instanceId} over {@code challenge}. */
  public byte[] signProof(String instanceId, byte[] challenge) {
    byte[] head = (PROOF_CONTEXT + instanceId + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(privateKey);
      signer.update(head);
      signer.update(challenge);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed with the host key " + file, e);
    }
  }

  /** Signs and verifies a probe, so that a derived public key that does not match is caught at load. */
  private void checkPair() throws GeneralSecurityException {
    byte[] probe = "lanyard-host-key-check".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(privateKey);
    signer.update(probe);
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(publicKey);
    verifier.update(probe);
    if (!verifier.verify(signer.sign())) {
      throw new GeneralSecurityException("the derived public key does not match the private key");
    }
  }

  @Override
  public String toString() {
    return "HostKey[" + file + "]";
  }

  private static KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(255, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JVM", e);
    }
  }

  /**
   * The JDK has no public-from-private derivation for EdDSA and its PKCS#8 encoding carries no
   * public key: regenerate the pair from the same 32-byte seed (an Ed25519 private key is its seed).
   */
  private static PublicKey publicFrom(KeyFactory factory, EdECPrivateKey key) throws GeneralSecurityException {
    byte[] seed = key.getBytes().orElseThrow(() -> new GeneralSecurityException("the private key has no bytes"));
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(255, new FixedSeed(seed));
      PublicKey derived = generator.generateKeyPair().getPublic();
      return factory.generatePublic(new X509EncodedKeySpec(derived.getEncoded()));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** A random source that yields one fixed seed: makes the key pair whose private key is that seed. */
  private static final class FixedSeed extends SecureRandom {
    private final byte[] seed;

    FixedSeed(byte[] seed) {
      super(new byte[0]);
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("expected a request for " + seed.length + " seed bytes");
      }
      System.arraycopy(seed, 0, bytes, 0, bytes.length);
    }
  }
}

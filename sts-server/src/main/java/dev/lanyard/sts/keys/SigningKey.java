package dev.lanyard.sts.keys;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A key that signs session tokens. It keeps its private key to itself: callers get its id,
 * algorithm, state, dates, public JWK and the ability to sign or verify. The private key leaves
 * only through {@link #exportPrivateKeyForSealing()}, for the store to encrypt at rest.
 *
 * <p>The key id ({@code kid}) is the RFC 7638 SHA-256 thumbprint of the public key. Instances are
 * immutable and thread-safe; a state change yields a new instance.
 */
public final class SigningKey {
  private final KeyLifecycle lifecycle;
  private final KeyAlgorithm algorithm;
  private final JWK privateJwk;
  private final JWK publicJwk;
  private final JWSSigner signer;
  private final JWSVerifier verifier;

  private SigningKey(KeyLifecycle lifecycle, KeyAlgorithm algorithm, JWK privateJwk) {
    this.lifecycle = lifecycle;
    this.algorithm = algorithm;
    this.privateJwk = privateJwk;
    this.publicJwk = privateJwk.toPublicJWK();
    try {
      if (algorithm == KeyAlgorithm.ED25519) {
        this.signer = new Ed25519JwsSigner(privateJwk.toOctetKeyPair());
        this.verifier = new Ed25519JwsVerifier(privateJwk.toOctetKeyPair().toPublicJWK());
      } else {
        this.signer = new ECDSASigner(privateJwk.toECKey());
        this.verifier = new ECDSAVerifier(privateJwk.toECKey().toPublicJWK());
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException(
          "signing key " + lifecycle.id() + ": not a usable " + algorithm.configName() + " key");
    }
  }

  private SigningKey(SigningKey key, KeyLifecycle lifecycle) {
    this.lifecycle = lifecycle;
    this.algorithm = key.algorithm;
    this.privateJwk = key.privateJwk;
    this.publicJwk = key.publicJwk;
    this.signer = key.signer;
    this.verifier = key.verifier;
  }

  /** A new NEXT key of this algorithm, created at {@code createdAt} from {@code random}. */
  public static SigningKey generate(KeyAlgorithm algorithm, Instant createdAt, SecureRandom random) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(random, "random");
    JWK jwk = algorithm == KeyAlgorithm.ED25519 ? newEd25519(random) : newEs256(random);
    return new SigningKey(KeyLifecycle.next(jwk.getKeyID(), createdAt), algorithm, jwk);
  }

  /**
   * A key read back from the store: its lifecycle, its algorithm and the bytes {@link
   * #exportPrivateKeyForSealing()} gave when it was stored (after the store has unsealed them).
   *
   * @throws IllegalArgumentException when the bytes are not a private key of this algorithm whose
   *     thumbprint is the lifecycle's id
   */
  public static SigningKey restore(
      KeyLifecycle lifecycle, KeyAlgorithm algorithm, byte[] privateKeyMaterial) {
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(algorithm, "algorithm");
    String kid = lifecycle.id();
    JWK jwk;
    try {
      jwk = JWK.parse(new String(privateKeyMaterial, StandardCharsets.UTF_8));
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException(
          "signing key " + kid + ": the stored private key is not a JWK; expected the bytes "
              + "exportPrivateKeyForSealing() produced");
    }
    boolean rightType = algorithm == KeyAlgorithm.ED25519
        ? jwk instanceof OctetKeyPair okp && algorithm.curve().equals(okp.getCurve())
        : jwk instanceof ECKey ec && algorithm.curve().equals(ec.getCurve());
    if (!rightType || !jwk.isPrivate()) {
      throw new IllegalArgumentException("signing key " + kid + ": the stored key is not a private "
          + algorithm.configName() + " key");
    }
    try {
      if (!jwk.computeThumbprint().toString().equals(kid) || !kid.equals(jwk.getKeyID())) {
        throw new IllegalArgumentException("signing key " + kid
            + ": the stored key's thumbprint does not match its kid; the row is corrupt or mixed up");
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("signing key " + kid + ": cannot compute its thumbprint");
    }
    return new SigningKey(lifecycle, algorithm, jwk);
  }

  /**
   * The private key as JWK JSON bytes, for the store to seal under its key-encryption key and
   * nothing else. The caller owns the returned array and should overwrite it once sealed.
   */
  public byte[] exportPrivateKeyForSealing() {
    return privateJwk.toJSONString().getBytes(StandardCharsets.UTF_8);
  }

  /** This key with another lifecycle (a state change); the key material is the same. */
  SigningKey withLifecycle(KeyLifecycle next) {
    if (!next.id().equals(kid())) {
      throw new IllegalArgumentException(
          "signing key " + kid() + ": cannot take the lifecycle of key " + next.id());
    }
    return new SigningKey(this, next);
  }

  public String kid() {
    return lifecycle.id();
  }

  public KeyAlgorithm algorithm() {
    return algorithm;
  }

  public KeyState state() {
    return lifecycle.state();
  }

  public KeyLifecycle lifecycle() {
    return lifecycle;
  }

  /** The public key as a JWK with {@code kid}, {@code alg} and {@code use: sig}. */
  public JWK publicJwk() {
    return publicJwk;
  }

  /**
   * Signs {@code payload} as a compact JWS whose header carries this key's {@code alg}, its
   * {@code kid} and {@code type}.
   *
   * @throws IllegalStateException when this key is not ACTIVE: NEXT and RETIRED keys never sign
   */
  public String sign(JOSEObjectType type, byte[] payload) {
    if (state() != KeyState.ACTIVE) {
      throw new IllegalStateException(
          "signing key " + kid() + ": only an ACTIVE key signs; this one is " + state());
    }
    JWSHeader header = new JWSHeader.Builder(algorithm.jwsAlgorithm()).keyID(kid()).type(type).build();
    JWSObject jws = new JWSObject(header, new Payload(payload));
    try {
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing key " + kid() + ": signing failed", e);
    }
    return jws.serialize();
  }

  /**
   * Whether {@code jws} names exactly this key's algorithm and carries a valid signature by this
   * key. A token whose header names any other algorithm is refused without trying it.
   */
  public boolean verifies(JWSObject jws) {
    if (!algorithm.jwsAlgorithm().equals(jws.getHeader().getAlgorithm())) {
      return false;
    }
    try {
      return jws.verify(verifier);
    } catch (JOSEException e) {
      return false;
    }
  }

  /** Prints the key id, algorithm and state; never key material. */
  @Override
  public String toString() {
    return "SigningKey[kid=" + kid() + ", alg=" + algorithm.configName() + ", state=" + state() + "]";
  }

  private static JWK newEd25519(SecureRandom random) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    try {
      Ed25519Sign.KeyPair pair = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed);
      return new OctetKeyPair.Builder(KeyAlgorithm.ED25519.curve(), Base64URL.encode(pair.getPublicKey()))
          .d(Base64URL.encode(pair.getPrivateKey()))
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(KeyAlgorithm.ED25519.jwsAlgorithm())
          .keyIDFromThumbprint()
          .build();
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("cannot generate an Ed25519 signing key", e);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private static JWK newEs256(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair pair = generator.generateKeyPair();
      return new ECKey.Builder(KeyAlgorithm.ES256.curve(), (ECPublicKey) pair.getPublic())
          .privateKey((ECPrivateKey) pair.getPrivate())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(KeyAlgorithm.ES256.jwsAlgorithm())
          .keyIDFromThumbprint()
          .build();
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("cannot generate an ES256 signing key", e);
    }
  }
}

package dev.lanyard.sdk.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SigV4 signing key, derived from a secret for one scope by the HMAC-SHA256 chain
 * {@code kDate = HMAC("AWS4" + secret, yyyyMMdd)}, {@code kRegion = HMAC(kDate, region)},
 * {@code kService = HMAC(kRegion, service)}, {@code kSigning = HMAC(kService, "aws4_request")}.
 * It signs; it does not hand out its bytes. Immutable and thread-safe.
 */
public final class SigningKey {
  private static final String HMAC = "HmacSHA256";
  /** One Mac per thread: looking up the provider costs more than the HMAC itself. */
  private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(SigningKey::newMac);

  private final byte[] key;
  private final CredentialScope scope;

  private SigningKey(byte[] key, CredentialScope scope) {
    this.key = key;
    this.scope = scope;
  }

  /** Derives the key for a scope from a secret access key. */
  public static SigningKey derive(String secretAccessKey, CredentialScope scope) {
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(scope, "scope");
    byte[] date = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), scope.dateStamp());
    byte[] region = hmac(date, scope.region());
    byte[] service = hmac(region, scope.service());
    return new SigningKey(hmac(service, CredentialScope.TERMINATOR), scope);
  }

  /** The scope this key was derived for. */
  public CredentialScope scope() {
    return scope;
  }

  /** The lower-case hex HMAC-SHA256 of a string to sign: the signature. */
  public String sign(String stringToSign) {
    return Canonicalization.hex(hmac(key, stringToSign));
  }

  /** For known-answer tests of the derivation. */
  byte[] bytesForTest() {
    return key.clone();
  }

  @Override
  public String toString() {
    return "SigningKey[" + scope + "]";
  }

  private static byte[] hmac(byte[] key, String data) {
    Mac mac = MAC.get();
    try {
      mac.init(new SecretKeySpec(key, HMAC));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 refused a key", e);
    }
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance(HMAC);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
  }
}

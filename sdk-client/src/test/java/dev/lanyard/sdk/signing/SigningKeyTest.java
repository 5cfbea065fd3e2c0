package dev.lanyard.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The AWS General Reference's worked example of the signing key derivation (IAM, us-east-1). */
class SigningKeyTest {
  private static final CredentialScope SCOPE =
      new CredentialScope(LocalDate.of(2015, 8, 30), "us-east-1", "iam");

  @Test
  void derivesTheDocumentedKey() {
    SigningKey key = SigningKey.derive(SigV4Vector.SECRET, SCOPE);
    assertEquals(
        "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9",
        HexFormat.of().formatHex(key.bytesForTest()));
  }

  @Test
  void signsTheDocumentedStringToSign() {
    String stringToSign =
        "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
            + "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59";
    assertEquals(
        "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
        SigningKey.derive(SigV4Vector.SECRET, SCOPE).sign(stringToSign));
  }

  @Test
  void eachScopeElementChangesTheKey() {
    String base = HexFormat.of().formatHex(SigningKey.derive("secret", SCOPE).bytesForTest());
    for (CredentialScope other :
        new CredentialScope[] {
          new CredentialScope(LocalDate.of(2015, 8, 31), "us-east-1", "iam"),
          new CredentialScope(LocalDate.of(2015, 8, 30), "us-east-2", "iam"),
          new CredentialScope(LocalDate.of(2015, 8, 30), "us-east-1", "sts")
        }) {
      assertNotEquals(base, HexFormat.of().formatHex(SigningKey.derive("secret", other).bytesForTest()));
    }
  }

  @Test
  void toStringShowsTheScopeOnly() {
    SigningKey key = SigningKey.derive(SigV4Vector.SECRET, SCOPE);
    assertEquals("SigningKey[20150830/us-east-1/iam/aws4_request]", key.toString());
    assertFalse(key.toString().contains("c4afb1cc"));
  }
}

package dev.lanyard.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DerivedKeysTest {
  private static final CredentialScope MONDAY = new CredentialScope(LocalDate.of(2026, 11, 23), "us-east-1", "sts");
  private static final CredentialScope TUESDAY = new CredentialScope(LocalDate.of(2026, 11, 24), "us-east-1", "sts");
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private final DerivedKeys keys = new DerivedKeys();

  @Test
  void aKeyIsDerivedOncePerAccessKeyAndScope() {
    SigningKey first = keys.get("AKIDEXAMPLE", SECRET, MONDAY);
    assertSame(first, keys.get("AKIDEXAMPLE", new String(SECRET.toCharArray()), MONDAY),
        "an equal secret in another string is the same key");
    assertEquals(SigningKey.derive(SECRET, MONDAY).sign("x"), first.sign("x"));
  }

  @Test
  void anotherSecretScopeOrKeyIdIsNeverServedAHeldKey() {
    SigningKey monday = keys.get("AKIDEXAMPLE", SECRET, MONDAY);

    SigningKey otherSecret = keys.get("AKIDEXAMPLE", SECRET.replace('w', 'W'), MONDAY);
    assertNotEquals(monday.sign("x"), otherSecret.sign("x"), "a key id whose secret changed");
    assertEquals(SigningKey.derive(SECRET.replace('w', 'W'), MONDAY).sign("x"), otherSecret.sign("x"));

    SigningKey shorter = keys.get("AKIDEXAMPLE", SECRET.substring(1), MONDAY);
    assertEquals(SigningKey.derive(SECRET.substring(1), MONDAY).sign("x"), shorter.sign("x"));

    SigningKey tuesday = keys.get("AKIDEXAMPLE", SECRET, TUESDAY);
    assertEquals(SigningKey.derive(SECRET, TUESDAY).sign("x"), tuesday.sign("x"));
    assertNotEquals(monday.sign("x"), tuesday.sign("x"));

    CredentialScope iam = new CredentialScope(MONDAY.date(), "us-east-1", "iam");
    assertEquals(SigningKey.derive(SECRET, iam).sign("x"), keys.get("AKIDEXAMPLE", SECRET, iam).sign("x"));
  }

  @Test
  void manyCallersShareTheBoundedTable() {
    for (int i = 0; i < 5_000; i++) {
      String id = "AKID" + i;
      String secret = SECRET + i;
      assertEquals(SigningKey.derive(secret, MONDAY).sign("x"), keys.get(id, secret, MONDAY).sign("x"));
    }
  }
}

package dev.lanyard.sdk.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void toStringShowsOnlyTheKeyId() {
    Credentials credentials = Credentials.session("ASIAEXAMPLE", "s3cr3t-value", "t0ken-value", EXPIRY);
    assertEquals("Credentials[accessKeyId=ASIAEXAMPLE]", credentials.toString());
  }

  @Test
  void temporaryMeansASessionToken() {
    assertTrue(Credentials.session("ASIAEXAMPLE", "secret", "token", EXPIRY).isTemporary());
    assertFalse(Credentials.longTerm("AKIAEXAMPLE", "secret").isTemporary());
  }

  @Test
  void expiredFromTheExpirationInstantOn() {
    Credentials credentials = Credentials.session("ASIAEXAMPLE", "secret", "token", EXPIRY);
    assertFalse(credentials.isExpired(Clock.fixed(EXPIRY.minusMillis(1), ZoneOffset.UTC)));
    assertTrue(credentials.isExpired(Clock.fixed(EXPIRY, ZoneOffset.UTC)));
    assertTrue(credentials.isExpired(Clock.fixed(EXPIRY.plusSeconds(1), ZoneOffset.UTC)));
  }

  @Test
  void longTermKeysNeverExpire() {
    Credentials credentials = Credentials.longTerm("AKIAEXAMPLE", "secret");
    assertFalse(credentials.isExpired(Clock.fixed(Instant.MAX, ZoneOffset.UTC)));
  }

  @Test
  void refusesMissingPartsNamingTheField() {
    IllegalArgumentException noKey =
        assertThrows(IllegalArgumentException.class, () -> Credentials.longTerm("", "secret"));
    assertTrue(noKey.getMessage().startsWith("accessKeyId:"), noKey.getMessage());
    IllegalArgumentException noSecret =
        assertThrows(IllegalArgumentException.class, () -> Credentials.longTerm("AKIA", null));
    assertTrue(noSecret.getMessage().startsWith("secretAccessKey:"), noSecret.getMessage());
    IllegalArgumentException emptyToken =
        assertThrows(IllegalArgumentException.class, () -> new Credentials("ASIA", "s", "", null));
    assertTrue(emptyToken.getMessage().startsWith("sessionToken:"), emptyToken.getMessage());
    IllegalArgumentException slash =
        assertThrows(IllegalArgumentException.class, () -> Credentials.longTerm("AKIA/X", "s"));
    assertTrue(slash.getMessage().contains("'/'"), slash.getMessage());
  }

  @Test
  void errorsNeverShowTheSecret() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new Credentials("AKIA X", "do-not-show", null, null));
    assertFalse(e.getMessage().contains("do-not-show"));
  }
}

package dev.lanyard.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmzDateTest {

  @Test
  void formatsUtcSecondsInBasicIso8601() {
    assertEquals("20150830T123600Z", AmzDate.format(Instant.parse("2015-08-30T12:36:00.999Z")));
  }

  @Test
  void parsesWhatItFormats() {
    assertEquals(Instant.parse("2015-08-30T12:36:00Z"), AmzDate.parse("20150830T123600Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "20150830T123600", "2015-08-30T12:36:00Z", "20151330T123600Z", "20150830T246000Z",
        "20150230T123600Z", "20150830t123600z", ""
      })
  void refusesOtherForms(String value) {
    InvalidSignatureException e = assertThrows(InvalidSignatureException.class, () -> AmzDate.parse(value));
    assertEquals("IncompleteSignature", e.awsErrorCode());
    assertEquals(
        "X-Amz-Date: '" + value + "' is not a date of the form yyyyMMdd'T'HHmmss'Z' (UTC), "
            + "e.g. 20150830T123600Z",
        e.getMessage());
  }
}

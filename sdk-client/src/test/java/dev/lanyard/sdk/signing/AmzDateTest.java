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

  @Test
  void formatsAndParsesEveryFieldAtItsBounds() {
    for (String t : new String[] {"0001-01-01T00:00:00Z", "2016-02-29T23:59:59Z", "9999-12-31T23:59:59Z",
        "1970-01-01T00:00:00Z", "2026-11-23T09:05:07Z"}) {
      Instant instant = Instant.parse(t);
      String formatted = AmzDate.format(instant);
      assertEquals(t.replace("-", "").replace(":", ""), formatted);
      assertEquals(instant, AmzDate.parse(formatted));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "20150830T123600", "2015-08-30T12:36:00Z", "20151330T123600Z", "20150830T246000Z",
        "20150230T123600Z", "20150830t123600z", "", "20150830T123660Z", "20150830T126000Z",
        "2015083OT123600Z", "+0150830T123600Z", "20150830T12360-Z", "20150229T000000Z", "20150830 123600Z"
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

package dev.lanyard.sts.mfa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.sts.error.LanyardException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Base32Test {
  /** RFC 4648 section 10, without padding. */
  @ParameterizedTest
  @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
  void rfc4648Vectors(String plain, String encoded) {
    byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
    assertEquals(encoded, Base32.encode(bytes));
    assertArrayEquals(bytes, Base32.decode(encoded));
    assertArrayEquals(bytes, Base32.decode(encoded.toLowerCase() + "==="));
  }

  @Test
  void refusesCharactersOutsideTheAlphabet() {
    assertThrows(LanyardException.class, () -> Base32.decode("MZXW1"));
  }
}

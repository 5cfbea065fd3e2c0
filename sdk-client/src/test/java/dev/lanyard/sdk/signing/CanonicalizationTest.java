package dev.lanyard.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalizationTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AZaz09-_.~|AZaz09-_.~",
        "a b|a%20b",
        "a+b|a%2Bb",
        "a=b&c|a%3Db%26c",
        "100%|100%25",
        "é|%C3%A9",
        "*|%2A",
        "a/b|a%2Fb"
      })
  void uriEncodesEverythingButTheUnreserved(String value, String encoded) {
    assertEquals(encoded, Canonicalization.uriEncode(value, false));
  }

  @Test
  void keepsSlashesOnlyWhenAsked() {
    assertEquals("/a/b", Canonicalization.uriEncode("/a/b", true));
    assertEquals("%2Fa%2Fb", Canonicalization.uriEncode("/a/b", false));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/a/b/c/./../../g|/a/g",
        "mid/content=5/../6|/mid/6",
        "/a/b/..|/a/",
        "/a/b/.|/a/b/",
        "/../a|/a",
        "/.|/",
        "//x//|//x//",
        "/a/..b/c|/a/..b/c"
      })
  void removesDotSegmentsAsRfc3986Does(String path, String expected) {
    assertEquals(expected, Canonicalization.removeDotSegments(path));
  }

  @Test
  void anEmptyPathIsTheRoot() {
    assertEquals("/", Canonicalization.canonicalUri(""));
    assertEquals("/", Canonicalization.removeDotSegments(""));
  }

  @Test
  void encodesTheWirePathOnceMore() {
    assertEquals("/a%2520b/c%252Fd", Canonicalization.canonicalUri("/a%20b/c%2Fd"));
    assertEquals("/lanyard.sts.v1.SecurityTokenService/AssumeRole",
        Canonicalization.canonicalUri("/lanyard.sts.v1.SecurityTokenService/AssumeRole"));
  }

  @Test
  void sortsQueryPairsByEncodedNameThenValue() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("b", List.of("2", "10", "1"));
    query.put("a b", List.of(""));
    query.put("A", List.of("x y"));
    assertEquals("A=x%20y&a%20b=&b=1&b=10&b=2", Canonicalization.canonicalQueryString(query));
    assertEquals("", Canonicalization.canonicalQueryString(Map.of()));
  }

  @Test
  void trimsAndCollapsesWhitespace() {
    assertEquals("a b c", Canonicalization.trimAll("  a   b \t\n c  "));
    assertEquals("\"a b c\"", Canonicalization.trimAll(" \"a   b   c\""));
    assertEquals("", Canonicalization.trimAll("   "));
    assertEquals("x", Canonicalization.trimAll("x"));
  }

  @Test
  void joinsRepeatedHeaderValuesWithCommas() {
    assertEquals("value2,value2,value1",
        Canonicalization.canonicalHeaderValue(List.of("value2", " value2 ", "value1")));
  }

  @Test
  void hashesWithSha256() {
    assertEquals(Canonicalization.EMPTY_PAYLOAD_SHA256, Canonicalization.sha256Hex(new byte[0]));
    assertEquals("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
        Canonicalization.sha256Hex("Param1=value1"));
  }

  @Test
  void recognisesLowerHex256() {
    assertTrue(Canonicalization.isLowerHex256(Canonicalization.EMPTY_PAYLOAD_SHA256));
    assertFalse(Canonicalization.isLowerHex256(Canonicalization.EMPTY_PAYLOAD_SHA256.toUpperCase()));
    assertFalse(Canonicalization.isLowerHex256("abc"));
    assertFalse(Canonicalization.isLowerHex256(null));
  }
}

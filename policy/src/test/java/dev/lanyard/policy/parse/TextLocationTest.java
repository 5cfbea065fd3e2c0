package dev.lanyard.policy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextLocationTest {
  @Test
  void countsLinesAndColumnsFromOne() {
    String text = "ab\ncd\n  ef";
    assertEquals(new TextLocation(1, 1), TextLocation.of(text, "ab"));
    assertEquals(new TextLocation(2, 2), TextLocation.of(text, "d"));
    assertEquals(new TextLocation(3, 3), TextLocation.of(text, "ef"));
  }

  @Test
  void findsTheNthOccurrence() {
    assertEquals(new TextLocation(2, 1), TextLocation.of("x\nx", "x", 2));
    assertThrows(IllegalArgumentException.class, () -> TextLocation.of("x", "x", 2));
  }
}

package dev.lanyard.sts.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTagsTest {

  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void keysKeepTheirCaseAndOrderButLookupsIgnoreCase() {
    SessionTags tags = SessionTags.of(ordered("Project", "lanyard", "CostCenter", "42"),
        List.of("project"));
    assertEquals(List.of("Project", "CostCenter"), List.copyOf(tags.asMap().keySet()));
    assertEquals(Optional.of("lanyard"), tags.value("PROJECT"));
    assertEquals(Optional.of("42"), tags.value("costcenter"));
    assertTrue(tags.value("Team").isEmpty());
    assertTrue(tags.isTransitive("PrOjEcT"));
    assertFalse(tags.isTransitive("CostCenter"));
    assertEquals(2, tags.size());
  }

  @Test
  void keysDifferingOnlyInCaseAreOneKeyAndRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SessionTags.of(ordered("Project", "a", "project", "b"), List.of()));
    assertTrue(e.getMessage().startsWith("Tags:"), e.getMessage());
    assertTrue(e.getMessage().contains("case-insensitive"), e.getMessage());
  }

  @Test
  void equalityIgnoresTheCaseOfKeysButNotOfValues() {
    assertEquals(SessionTags.of(Map.of("Project", "x"), List.of("Project")),
        SessionTags.of(Map.of("PROJECT", "x"), List.of("project")));
    assertEquals(SessionTags.of(Map.of("Project", "x"), List.of()).hashCode(),
        SessionTags.of(Map.of("project", "x"), List.of()).hashCode());
    assertNotEquals(SessionTags.of(Map.of("Project", "x"), List.of()),
        SessionTags.of(Map.of("Project", "X"), List.of()));
    assertNotEquals(SessionTags.of(Map.of("Project", "x"), List.of("Project")),
        SessionTags.of(Map.of("Project", "x"), List.of()));
  }

  @Test
  void transitiveKeysRepeatedInAnotherCaseCollapse() {
    SessionTags tags = SessionTags.of(Map.of("A", "1"), List.of("A", "a"));
    assertEquals(List.of("A"), List.copyOf(tags.transitiveKeys()));
  }

  @Test
  void emptyKeysAndNullValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> SessionTags.of(Map.of("", "x"), List.of()));
    Map<String, String> nullValue = new LinkedHashMap<>();
    nullValue.put("k", null);
    assertThrows(IllegalArgumentException.class, () -> SessionTags.of(nullValue, List.of()));
    assertTrue(SessionTags.none().isEmpty());
  }
}

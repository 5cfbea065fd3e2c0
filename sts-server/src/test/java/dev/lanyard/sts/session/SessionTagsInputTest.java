package dev.lanyard.sts.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.model.Tag;
import dev.lanyard.sts.token.SessionTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTagsInputTest {
  private static AwsErrorCode code(Runnable r) {
    return assertThrows(LanyardException.class, r::run).code();
  }

  @Test
  void inheritsOnlyTransitiveTagsAndKeepsThemTransitive() {
    SessionTags parent = SessionTags.of(Map.of("Project", "blue", "Team", "core"), List.of("Project"));
    SessionTags tags = new SessionTagsInput(List.of(new Tag("Env", "prod")), List.of()).resolve(parent);
    assertEquals("blue", tags.value("project").orElseThrow());
    assertEquals("prod", tags.value("Env").orElseThrow());
    assertTrue(tags.value("Team").isEmpty());
    assertTrue(tags.isTransitive("PROJECT"));
    assertFalse(tags.isTransitive("Env"));
  }

  @Test
  void anInheritedTransitiveKeyCannotBeOverridden() {
    SessionTags parent = SessionTags.of(Map.of("Project", "blue"), List.of("Project"));
    assertEquals(AwsErrorCode.InvalidParameterValue,
        code(() -> new SessionTagsInput(List.of(new Tag("project", "red")), List.of()).resolve(parent)));
  }

  @Test
  void limitsAndPatternsAreAws() {
    List<Tag> fiftyOne = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      fiftyOne.add(new Tag("k" + i, "v"));
    }
    assertEquals(AwsErrorCode.ValidationError, code(() -> new SessionTagsInput(fiftyOne, List.of())
        .resolve(SessionTags.none())));
    assertEquals(AwsErrorCode.ValidationError, code(() -> new SessionTagsInput(
        List.of(new Tag("k".repeat(129), "v")), List.of()).resolve(SessionTags.none())));
    assertEquals(AwsErrorCode.ValidationError, code(() -> new SessionTagsInput(
        List.of(new Tag("k", "v".repeat(257))), List.of()).resolve(SessionTags.none())));
    assertEquals(AwsErrorCode.ValidationError, code(() -> new SessionTagsInput(
        List.of(new Tag("a", "1"), new Tag("A", "2")), List.of()).resolve(SessionTags.none())));
    assertEquals(AwsErrorCode.InvalidParameterValue, code(() -> new SessionTagsInput(
        List.of(new Tag("a", "1")), List.of("b")).resolve(SessionTags.none())));
    SessionTags ok = new SessionTagsInput(List.of(new Tag("cost-center", "")), List.of("Cost-Center"))
        .resolve(SessionTags.none());
    assertEquals("", ok.value("cost-center").orElseThrow());
  }
}

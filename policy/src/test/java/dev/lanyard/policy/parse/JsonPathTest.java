package dev.lanyard.policy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonPathTest {

  @Test
  void plainNamesUseDots() {
    assertEquals("$.Statement", JsonPath.member(JsonPath.ROOT, "Statement"));
    assertEquals("$.aws:PrincipalTag/team-a_1", JsonPath.member(JsonPath.ROOT, "aws:PrincipalTag/team-a_1"));
  }

  @Test
  void otherNamesUseQuotedBracketsWithEscapes() {
    assertEquals("$['app.name']", JsonPath.member(JsonPath.ROOT, "app.name"));
    assertEquals("$['']", JsonPath.member(JsonPath.ROOT, ""));
    assertEquals("$['it\\'s \\\\ \\u2019\\u0007']", JsonPath.member(JsonPath.ROOT, "it's \\ \u2019\u0007"));
  }

  @Test
  void longNamesAreCut() {
    String name = "k".repeat(JsonPath.NAME_LIMIT + 1);
    assertEquals("$['" + "k".repeat(JsonPath.NAME_LIMIT) + "...']", JsonPath.member(JsonPath.ROOT, name));
  }
}

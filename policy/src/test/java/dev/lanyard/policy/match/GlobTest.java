package dev.lanyard.policy.match;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.variable.Template;
import dev.lanyard.policy.variable.VariableSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GlobTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      "abc | abc | true",
      "abc | abd | false",
      "abc | ab | false",
      "abc | abcd | false",
      "* | '' | true",
      "* | anything/at:all | true",
      "'' | '' | true",
      "'' | a | false",
      "a* | a | true",
      "a* | abc | true",
      "a* | ba | false",
      "*c | abc | true",
      "*c | ca | false",
      "a*c | ac | true",
      "a*c | abbbc | true",
      "a*c | abcb | false",
      "a?c | abc | true",
      "a?c | ac | false",
      "??? | abc | true",
      "??? | ab | false",
      "*a*b*c* | xxaxxbxxcxx | true",
      "*a*b*c* | xxcxxbxxaxx | false",
      "a**b | ab | true",
      "ab*ab | ab | false",
      "ab*ab | abab | true",
      "ab*ab | aba | false",
      "*?b | b | false",
      "*?b | ab | true",
      "Get* | getObject | false"})
  void matchesCaseSensitively(String pattern, String text, boolean expected) {
    assertTrue(Glob.of(pattern).matches(text) == expected);
  }

  @Test
  void ignoresCaseWhenAsked() {
    Glob g = Glob.of("Get*Policy");
    assertTrue(g.matches("getbucketpolicy", 0, 15, true, VariableSource.EMPTY));
    assertFalse(g.matches("getbucketpolicy", 0, 15, false, VariableSource.EMPTY));
  }

  @Test
  void matchesASubrange() {
    Glob g = Glob.of("b*d");
    assertTrue(g.matches("abcde", 1, 4, false, VariableSource.EMPTY));
    assertFalse(g.matches("abcde", 1, 5, false, VariableSource.EMPTY));
  }

  @Test
  void exactTreatsWildcardsAsText() {
    assertTrue(Glob.exact("a*?").matches("a*?"));
    assertFalse(Glob.exact("a*?").matches("abc"));
  }

  @Test
  void pathologicalPatternsStayFast() {
    String as = "a".repeat(10_000);
    String[] patterns = {"a*a*a*a*b", "*a*a*a*a*b*", "*aaaaaaaaab*", "a*a*a*a*a*a*a*a*a*a*a*a*a*c",
        "*?a?a?a?a?a?b", "*" + "a*".repeat(200) + "b"};
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      for (int round = 0; round < 20; round++) {
        for (String p : patterns) {
          assertFalse(Glob.of(p).matches(as), p);
        }
        assertTrue(Glob.of("a*a*a*a*a").matches(as));
      }
    });
    Glob g = Glob.of("a*a*a*a*b");
    long start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      g.matches(as);
    }
    long perMatchMicros = (System.nanoTime() - start) / 100 / 1000;
    assertTrue(perMatchMicros < 1000, "took " + perMatchMicros + " µs per match");
  }

  @Test
  void variablesAreSubstitutedLiterally() {
    VariableSource vars = Map.of("aws:username", "al*ce", "k", "x")::get;
    Glob g = Glob.compile(Template.parse("home/${aws:username}/*", true).parts(), true);
    assertTrue(g.matches("home/al*ce/file", 0, 15, false, vars));
    assertFalse(g.matches("home/alXYce/file", 0, 16, false, vars), "the * in the value is not a wildcard");
    Glob middle = Glob.compile(Template.parse("*-${k}-*", true).parts(), true);
    assertTrue(middle.matches("a-x-b", 0, 5, false, vars));
    assertFalse(middle.matches("a-y-b", 0, 5, false, vars));
  }

  @Test
  void missingVariableDoesNotMatchUnlessDefaulted() {
    Glob g = Glob.compile(Template.parse("home/${aws:username}/*", true).parts(), true);
    assertFalse(g.matches("home//x", 0, 7, false, VariableSource.EMPTY));
    Glob star = Glob.compile(Template.parse("*${aws:username}*", true).parts(), true);
    assertFalse(star.matches("anything", 0, 8, false, VariableSource.EMPTY));
    Glob d = Glob.compile(Template.parse("home/${aws:username, 'guest'}/*", true).parts(), true);
    assertTrue(d.matches("home/guest/x", 0, 12, false, VariableSource.EMPTY));
  }

  @Test
  void escapedWildcardsAreLiteral() {
    Glob g = Glob.compile(Template.parse("a${*}b${?}", true).parts(), true);
    assertTrue(g.matches("a*b?"));
    assertFalse(g.matches("axxb?"));
    assertFalse(g.matches("a*bc"));
  }
}

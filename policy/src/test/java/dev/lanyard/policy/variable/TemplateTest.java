package dev.lanyard.policy.variable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void splitsTextAndVariables() {
    Template t = Template.parse("arn:aws:s3:::bucket/${aws:username}/*", true);
    assertEquals(List.of(
        new Template.Text("arn:aws:s3:::bucket/"),
        new Template.Variable("aws:username", null),
        new Template.Text("/*")), t.parts());
    assertTrue(t.hasVariables());
    assertEquals("arn:aws:s3:::bucket/${aws:username}/*", t.source());
  }

  @Test
  void keysAreLowerCasedIncludingTagKeys() {
    Template t = Template.parse("${aws:PrincipalTag/CostCenter}", true);
    assertEquals(List.of(new Template.Variable("aws:principaltag/costcenter", null)), t.parts());
  }

  @Test
  void readsDefaults() {
    assertEquals(List.of(new Template.Variable("aws:principaltag/team", "company-wide")),
        Template.parse("${aws:PrincipalTag/team, 'company-wide'}", true).parts());
    assertEquals(List.of(new Template.Variable("aws:username", "")),
        Template.parse("${ aws:username ,'' }", true).parts());
  }

  @Test
  void specialCharactersAreLiterals() {
    assertEquals(List.of(new Template.Text("a"), new Template.Literal('*'), new Template.Literal('?'),
        new Template.Literal('$'), new Template.Text("b")), Template.parse("a${*}${?}${$}b", true).parts());
    assertFalse(Template.parse("${*}", true).hasVariables());
  }

  @Test
  void version2008KeepsEverythingAsText() {
    Template t = Template.parse("home/${aws:username}/${*}", false);
    assertEquals(List.of(new Template.Text("home/${aws:username}/${*}")), t.parts());
    assertFalse(t.hasVariables());
  }

  @Test
  void malformedVariablesStayText() {
    assertEquals(List.of(new Template.Text("a${unclosed")), Template.parse("a${unclosed", true).parts());
    assertEquals(List.of(new Template.Text("${}x")), Template.parse("${}x", true).parts());
    assertEquals(List.of(new Template.Text("${k, nodefaultquotes}")),
        Template.parse("${k, nodefaultquotes}", true).parts());
    assertEquals(List.of(), Template.parse("", true).parts());
  }
}

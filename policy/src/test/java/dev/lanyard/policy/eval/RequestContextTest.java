package dev.lanyard.policy.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestContextTest {

  @Test
  void keysAreCaseInsensitiveAndLaterPutsReplace() {
    RequestContext c = RequestContext.builder()
        .put("aws:PrincipalTag/Team", "red")
        .put("AWS:TagKeys", List.of("a", "b"))
        .put("aws:principaltag/TEAM", "blue")
        .build();
    assertEquals(List.of("blue"), c.get("aws:PrincipalTag/team"));
    assertEquals(List.of("a", "b"), c.get("aws:tagkeys"));
    assertEquals("blue", c.variableValue("aws:principaltag/team"));
    assertNull(c.variableValue("aws:tagkeys"), "multi-valued keys are not variables");
    assertNull(c.get("missing"));
  }

  @Test
  void principalKeysAreDerivedUnlessGiven() {
    RequestContext c = RequestContext.builder()
        .put("aws:PrincipalAccount", "given")
        .principalKeys(RequestPrincipal.fromArn("arn:aws:iam::111122223333:user/div/alice", null))
        .build();
    assertEquals(List.of("arn:aws:iam::111122223333:user/div/alice"), c.get("aws:PrincipalArn"));
    assertEquals(List.of("given"), c.get("aws:PrincipalAccount"));
    assertEquals(List.of("User"), c.get("aws:PrincipalType"));
    assertEquals(List.of("alice"), c.get("aws:username"));
    RequestContext s = RequestContext.builder()
        .principalKeys(RequestPrincipal.fromArn("arn:aws:sts::111122223333:assumed-role/R/s", null)).build();
    assertEquals(List.of("arn:aws:iam::111122223333:role/R"), s.get("aws:PrincipalArn"));
    assertNull(s.get("aws:username"));
  }

  @Test
  void nullsAreRefusedWithTheKeyNamed() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> RequestContext.builder().put("aws:SourceIp", (String) null));
    assertEquals("context key 'aws:SourceIp' has a null value; expected a string", e.getMessage());
    assertThrows(NullPointerException.class, () -> RequestContext.builder().put("k", java.util.Arrays.asList("a", null)));
  }
}

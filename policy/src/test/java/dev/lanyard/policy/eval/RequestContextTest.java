package dev.lanyard.policy.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.policy.condition.ContextValue;
import java.util.List;
import java.util.Set;
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

  @Test
  void aLayeredContextReadsItsOwnKeysFirstThenTheBase() {
    RequestContext base = RequestContext.builder()
        .put("aws:PrincipalTag/team", "blue").put("aws:SourceIp", "10.0.0.1").build();
    RequestContext layered = RequestContext.builder()
        .put("aws:SourceIp", "192.0.2.7").put("s3:prefix", List.of("a/", "b/")).buildOn(base);

    assertEquals(List.of("192.0.2.7"), layered.get("AWS:SOURCEIP"));
    assertEquals("blue", layered.variableValue("aws:principaltag/team"));
    assertEquals(List.of("a/", "b/"), layered.get("s3:prefix"));
    assertNull(layered.value("aws:username"));
    assertEquals(Set.of("aws:principaltag/team", "aws:sourceip", "s3:prefix"), layered.keys());
    assertEquals(List.of("10.0.0.1"), base.get("aws:SourceIp"), "the base is not changed");
  }

  @Test
  void anEmptyLayerIsTheBaseItself() {
    RequestContext base = RequestContext.builder().put("aws:SourceIp", "10.0.0.1").build();
    assertSame(base, RequestContext.builder().buildOn(base));
  }

  @Test
  void aBuilderReusedAfterBuildDoesNotChangeWhatItBuilt() {
    RequestContext.Builder b = RequestContext.builder().put("k", "1");
    RequestContext first = b.build();
    RequestContext second = b.put("k", "2").put("j", ContextValue.of("3")).build();

    assertEquals(List.of("1"), first.get("k"));
    assertNull(first.get("j"));
    assertEquals(List.of("2"), second.get("k"));
    assertEquals(List.of("3"), second.get("j"));
  }
}

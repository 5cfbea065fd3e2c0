package dev.lanyard.policy.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PolicyTypeTest {

  @Test
  void readsEveryCliName() {
    assertEquals(PolicyType.IDENTITY, PolicyType.fromCliName("identity"));
    assertEquals(PolicyType.RESOURCE, PolicyType.fromCliName("resource"));
    assertEquals(PolicyType.TRUST, PolicyType.fromCliName("trust"));
    assertEquals(PolicyType.BOUNDARY, PolicyType.fromCliName("boundary"));
    assertEquals(PolicyType.SESSION, PolicyType.fromCliName("session"));
    assertEquals(PolicyType.SCP, PolicyType.fromCliName("scp"));
    assertEquals(PolicyType.RCP, PolicyType.fromCliName("rcp"));
    assertEquals(PolicyType.SCP, PolicyType.fromCliName("SCP"));
  }

  @Test
  void unknownNamesListTheAcceptedOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PolicyType.fromCliName("group"));
    assertTrue(e.getMessage().contains("identity, resource, trust, boundary, session, scp, rcp"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PolicyType.fromCliName(null));
  }
}

package dev.lanyard.sts.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void idsAreRandomUuidsAsAwsWritesThem() {
    String id = RequestIds.newId();
    assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
    UUID uuid = UUID.fromString(id);
    assertEquals(4, uuid.version());
    assertEquals(2, uuid.variant());
  }

  @Test
  void idsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      assertTrue(seen.add(RequestIds.newId()), "repeated after " + i);
    }
  }

  @Test
  void outsideACallEachReadIsAFreshId() {
    assertTrue(!RequestIds.current().equals(RequestIds.current()));
  }
}

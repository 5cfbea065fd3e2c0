package dev.lanyard.sdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTest {
  @Test
  void parsesHostPortListsWithIpv6InBrackets() {
    assertEquals(List.of(new Endpoint("sts1.internal", 8443), new Endpoint("::1", 9000), new Endpoint("10.0.0.7", 443)),
        Endpoint.parseList("sts1.internal:8443, [::1]:9000,,10.0.0.7:443"));
    assertEquals("[::1]:9000", new Endpoint("::1", 9000).toString());
  }

  @Test
  void refusesMalformedEndpointsNamingTheSetting() {
    for (String bad : new String[] {"", "host", "host:", ":80", "host:http", "::1:80", "host:70000"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.parseList(bad), bad);
      assertTrue(e.getMessage().startsWith("LANYARD_ENDPOINT") || e.getMessage().startsWith("port"), e.getMessage());
    }
  }

  @Test
  void retryRuleNeverRetriesRefusedCredentials() {
    assertEquals(false, RetryRule.isRetryable(Status.Code.UNAUTHENTICATED, true, true));
    assertEquals(false, RetryRule.isRetryable(Status.Code.PERMISSION_DENIED, true, true));
    assertEquals(true, RetryRule.isRetryable(Status.Code.UNAVAILABLE, false, false));
    assertEquals(true, RetryRule.isRetryable(Status.Code.DEADLINE_EXCEEDED, false, true));
    assertEquals(false, RetryRule.isRetryable(Status.Code.DEADLINE_EXCEEDED, false, false));
    assertEquals(true, RetryRule.isRetryable(Status.Code.INTERNAL, true, false));
    assertEquals(false, RetryRule.isRetryable(Status.Code.INTERNAL, false, true));
  }

  @Test
  void retryBackoffCeilingDoublesAndIsCapped() {
    RetrySettings settings = new RetrySettings(5, Duration.ofMillis(100), Duration.ofMillis(300));
    assertEquals(Duration.ofMillis(100), settings.backoffCeiling(2));
    assertEquals(Duration.ofMillis(200), settings.backoffCeiling(3));
    assertEquals(Duration.ofMillis(300), settings.backoffCeiling(4));
    assertEquals(Duration.ofMillis(300), settings.backoffCeiling(60));
  }
}

package dev.lanyard.bench.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentEndpointLoadTest {

  @Test
  void aShortRunAgainstARealAgentCountsOnlySuccessfulAnswers() throws Exception {
    AgentEndpointLoad.Result result = AgentEndpointLoad.run(2, Duration.ofMillis(200), Duration.ofSeconds(1));
    assertEquals(0, result.failures(), result.toString());
    assertTrue(result.requests() > 10, result.toString());
    assertTrue(result.p99Micros() >= result.p50Micros(), result.toString());
  }
}

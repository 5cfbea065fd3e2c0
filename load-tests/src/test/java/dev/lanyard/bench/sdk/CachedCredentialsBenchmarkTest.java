package dev.lanyard.bench.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class CachedCredentialsBenchmarkTest {

  @Test
  void theMeasuredCallServesCachedCredentialsWithoutCallingTheSource() {
    CachedCredentialsBenchmark benchmark = new CachedCredentialsBenchmark();
    benchmark.setUp();
    assertSame(benchmark.resolve(), benchmark.resolve());
    for (int i = 0; i < 10_000; i++) {
      benchmark.resolve();
    }
    assertEquals(1, benchmark.sourceCalls());
    benchmark.checkNoRefresh();
  }
}

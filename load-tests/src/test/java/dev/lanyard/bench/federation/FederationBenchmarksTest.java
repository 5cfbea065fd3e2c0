package dev.lanyard.bench.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.sts.error.LanyardException;
import org.junit.jupiter.api.Test;

/** The benchmarks measure successful exchanges: their fixtures must produce them. */
class FederationBenchmarksTest {
  @Test
  void theWebIdentityBenchmarkExchangesItsToken() throws Exception {
    WebIdentityBenchmark bench = new WebIdentityBenchmark();
    bench.setUp();
    try {
      assertEquals(WebIdentityBenchmark.SUBJECT, bench.assumeRoleWithWebIdentity().subjectFromWebIdentityToken());
    } finally {
      bench.tearDown();
    }
  }

  @Test
  void theSamlBenchmarkExchangesFreshAssertionsOnlyOnce() throws Exception {
    SamlBenchmark bench = new SamlBenchmark();
    bench.setUp();
    try {
      bench.sign(3);
      assertEquals("alice@example.com", bench.assumeRoleWithSaml().subject());
      assertEquals("alice@example.com", bench.assumeRoleWithSaml().subject());
    } finally {
      bench.tearDown();
    }
  }

  @Test
  void aSigningIdpAssertionIsRefusedWhenReplayed() throws Exception {
    SamlBenchmark bench = new SamlBenchmark();
    bench.setUp();
    try {
      bench.sign(3);
      bench.assumeRoleWithSaml();
      bench.rewind();
      LanyardException e = assertThrows(LanyardException.class, bench::assumeRoleWithSaml);
      assertEquals("InvalidIdentityToken", e.code().name());
    } finally {
      bench.tearDown();
    }
  }
}

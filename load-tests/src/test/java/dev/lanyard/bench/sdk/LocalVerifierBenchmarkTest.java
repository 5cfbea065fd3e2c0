package dev.lanyard.bench.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.sdk.verify.PrincipalType;
import dev.lanyard.sdk.verify.VerifiedSessionToken;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalVerifierBenchmarkTest {

  @ParameterizedTest
  @ValueSource(strings = {"Ed25519", "ES256"})
  void theMeasuredCallVerifiesTheRealTokenOfflineWithTheCachedKey(String algorithm) throws Exception {
    LocalVerifierBenchmark benchmark = new LocalVerifierBenchmark();
    benchmark.algorithm = algorithm;
    benchmark.setUp();
    // The node is stopped by now: this verification uses the cached key only.
    VerifiedSessionToken t = benchmark.verify();
    assertEquals(PrincipalType.ASSUMED_ROLE, t.principalType());
    assertEquals(RealNodeSession.ROLE_ARN, t.roleArn().orElseThrow());
    assertEquals(Map.of("Project", "bench", "CostCenter", "cc-1234"), t.tags());
    assertEquals(RealNodeSession.SESSION_POLICY, t.sessionPolicy().inlineDocument().orElseThrow());
    assertEquals(RealNodeSession.ACCOUNT, t.accountId());
  }
}

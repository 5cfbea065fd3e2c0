package dev.lanyard.bench.federation;

import dev.lanyard.load.idp.IdpMaterial;
import dev.lanyard.load.idp.LoopbackOidcProvider;
import dev.lanyard.sts.federation.oidc.KeyFetchSettings;
import dev.lanyard.sts.federation.oidc.OidcProviderKeys;
import dev.lanyard.sts.federation.oidc.WebIdentityTokenVerifier;
import dev.lanyard.sts.session.WebIdentityInput;
import dev.lanyard.sts.session.WebIdentityOperations;
import dev.lanyard.sts.session.WebIdentityResult;
import dev.lanyard.sts.store.model.NewOidcProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AssumeRoleWithWebIdentity through the operation layer ({@link WebIdentityOperations}), as both
 * front doors call it: an RS256 ID token verified against the provider's cached keys (fetched once
 * in {@code @Setup} from a loopback HTTPS provider, so no network in the measured calls), the
 * provider looked up in the H2 store, the trust policy with {@code :sub}/{@code :aud} conditions
 * evaluated, and an Ed25519 session token minted. Target (issue 4): at least 1,500 per second on
 * one core.
 *
 * <pre>{@code
 * cd /work/main && mvn -B -o -q -pl load-tests -am package -Dmaven.test.skip=true
 * java -jar load-tests/target/benchmarks.jar WebIdentityBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Threads(1)
@State(Scope.Benchmark)
public class WebIdentityBenchmark {
  static final String CLIENT_ID = "bench-client";
  static final String SUBJECT = "repo:lanyard/app:ref:refs/heads/main";

  private FederatedStsFixture sts;
  private LoopbackOidcProvider provider;
  private WebIdentityOperations operations;
  private WebIdentityInput input;

  /** Registers the provider and a role trusting it, caches its keys, and checks one exchange succeeds. */
  @Setup
  public void setUp() throws Exception {
    sts = new FederatedStsFixture();
    provider = LoopbackOidcProvider.start(IdpMaterial.generate(Duration.ofDays(1)), 0);
    String providerArn = sts.store.oidcProviders().create(sts.account, new NewOidcProvider(provider.url(),
        List.of(CLIENT_ID), List.of(), List.of())).arn();
    String prefix = provider.url().substring("https://".length());
    String roleArn = sts.role("ci-deploy", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
        "Action":"sts:AssumeRoleWithWebIdentity",
        "Condition":{"StringEquals":{"%s:aud":"%s"},"StringLike":{"%s:sub":"repo:lanyard/app:ref:refs/heads/*"}}}]}
        """.formatted(providerArn, prefix, CLIENT_ID, prefix)).arn();
    WebIdentityTokenVerifier verifier = new WebIdentityTokenVerifier(
        new OidcProviderKeys(KeyFetchSettings.defaults(), sts.clock, provider.material().clientTls()), sts.clock);
    operations = new WebIdentityOperations(sts.store, sts.library, verifier, sts.trust, sts.minter);
    input = new WebIdentityInput(roleArn, "deploy-1",
        provider.token(SUBJECT, CLIENT_ID, sts.clock.instant(), Duration.ofHours(1)), null, null, null);
    WebIdentityResult first = operations.assumeRoleWithWebIdentity(input, null);
    if (!first.subjectFromWebIdentityToken().equals(SUBJECT)) {
      throw new IllegalStateException("the setup exchange did not assume the role for the token's subject");
    }
  }

  @TearDown
  public void tearDown() {
    provider.close();
    sts.close();
  }

  /** One exchange: token in, role credentials out. */
  @Benchmark
  public WebIdentityResult assumeRoleWithWebIdentity() {
    return operations.assumeRoleWithWebIdentity(input, null);
  }
}

package dev.lanyard.bench.federation;

import dev.lanyard.sts.federation.saml.SamlResponseVerifier;
import dev.lanyard.sts.federation.saml.SamlVerifierSettings;
import dev.lanyard.sts.session.SamlInput;
import dev.lanyard.sts.session.SamlOperations;
import dev.lanyard.sts.session.SamlResult;
import dev.lanyard.sts.store.model.NewSamlProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * AssumeRoleWithSAML through the operation layer ({@link SamlOperations}): base64 decode, hardened
 * parse, XML signature verification (RSA-SHA256, exclusive c14n), the assertion checks, the replay
 * cache write in the H2 store (each assertion is accepted once), the trust policy with a
 * {@code saml:aud} condition, and an Ed25519 session token. Each call needs a fresh assertion, so
 * every iteration is a batch of {@value #BATCH} calls over assertions signed in
 * {@code @Setup(Level.Iteration)}, outside the measured time. The score is milliseconds per batch:
 * calls per second = {@value #BATCH} × 1000 / score. Target (issue 4): at least 300 per second on
 * one core, so at most 3,333 ms per batch.
 *
 * <pre>{@code
 * cd /work/main && mvn -B -o -q -pl load-tests -am package -Dmaven.test.skip=true
 * java -jar load-tests/target/benchmarks.jar SamlBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, batchSize = SamlBenchmark.BATCH)
@Measurement(iterations = 5, batchSize = SamlBenchmark.BATCH)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Threads(1)
@State(Scope.Benchmark)
public class SamlBenchmark {
  /** Calls per measured batch. */
  public static final int BATCH = 1000;

  private FederatedStsFixture sts;
  private SigningSamlIdp idp;
  private SamlOperations operations;
  private String roleArn;
  private String providerArn;
  private String recipient;
  private List<SamlInput> inputs;
  private int next;

  /** Registers the IdP and a role trusting it, and checks one exchange succeeds. */
  @Setup
  public void setUp() throws Exception {
    sts = new FederatedStsFixture();
    idp = new SigningSamlIdp();
    providerArn = sts.store.samlProviders().create(sts.account,
        new NewSamlProvider("BenchIdP", idp.metadata(), null, List.of())).arn();
    recipient = FederatedStsFixture.ISSUER + "/saml";
    roleArn = sts.role("saml-admins", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
        "Action":"sts:AssumeRoleWithSAML","Condition":{"StringEquals":{"saml:aud":"%s"}}}]}
        """.formatted(providerArn, recipient)).arn();
    operations = new SamlOperations(sts.store, sts.library, new SamlResponseVerifier(sts.store,
        SamlVerifierSettings.forIssuer(FederatedStsFixture.ISSUER), sts.clock), sts.trust, sts.minter, sts.clock);
    SamlResult first = operations.assumeRoleWithSaml(input(), null);
    if (!first.subject().equals("alice@example.com")) {
      throw new IllegalStateException("the setup exchange did not assume the role for the assertion's subject");
    }
  }

  /** Signs this iteration's assertions, each with a fresh id. */
  @Setup(Level.Iteration)
  public void signBatch() throws Exception {
    sign(BATCH);
  }

  /** Signs {@code count} fresh assertions for the calls to come. */
  void sign(int count) throws Exception {
    inputs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      inputs.add(input());
    }
    next = 0;
  }

  private SamlInput input() throws Exception {
    return new SamlInput(roleArn, providerArn, idp.signedResponse(Instant.now(), roleArn, providerArn, recipient,
        SamlVerifierSettings.AWS_AUDIENCE_URN), null, null);
  }

  /** Starts the batch over (tests use it to replay an assertion). */
  void rewind() {
    next = 0;
  }

  @TearDown
  public void tearDown() {
    sts.close();
  }

  /** One exchange of a fresh assertion. */
  @Benchmark
  public SamlResult assumeRoleWithSaml() {
    return operations.assumeRoleWithSaml(inputs.get(next++), null);
  }
}

package dev.lanyard.bench.sdk;

import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.signing.SigV4Signature;
import dev.lanyard.sdk.signing.SigV4Signer;
import dev.lanyard.sdk.signing.SigV4Verifier;
import dev.lanyard.sdk.signing.SignableRequest;
import dev.lanyard.sdk.signing.SignatureClaim;
import dev.lanyard.sdk.signing.grpc.GrpcRequestView;
import io.grpc.Metadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SigV4 over the gRPC view of a call, as every signed Lanyard call pays it twice: {@code sign} is
 * what the SDK's client interceptor does (the view to sign, then the signature), {@code verify}
 * what the server's interceptor does (the received view with the metadata as headers, the claim,
 * scope and freshness checks, and the constant-time signature check). The message is 1,600 bytes,
 * the size of an Authorize request carrying a session token; the key is long-term.
 *
 * <pre>{@code
 * java -jar load-tests/target/benchmarks.jar SigV4Benchmark -prof gc -prof dev.lanyard.bench.policy.CpuTimeProfiler
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Threads(1)
@State(Scope.Benchmark)
public class SigV4Benchmark {
  private static final String METHOD = "lanyard.authz.v1.Authorizer/Authorize";
  private static final String AUTHORITY = "127.0.0.1:7400";
  private static final String REGION = "us-east-1";

  private final Credentials credentials =
      Credentials.longTerm("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  private final SigV4Signer signer = new SigV4Signer();
  private SigV4Verifier verifier;
  private byte[] message;
  private Metadata received;
  private Instant now;

  /** Signs one call and checks that it verifies, so both benchmarks measure a real success. */
  @Setup(Level.Trial)
  public void setUp() {
    message = new byte[1600];
    Arrays.fill(message, (byte) 'x');
    now = Instant.now();
    verifier = new SigV4Verifier(Clock.fixed(now, java.time.ZoneOffset.UTC), Duration.ofMinutes(5));
    SigV4Signature signature = sign();
    received = new Metadata();
    received.put(Metadata.Key.of("content-type", Metadata.ASCII_STRING_MARSHALLER), "application/grpc");
    received.put(Metadata.Key.of("te", Metadata.ASCII_STRING_MARSHALLER), "trailers");
    received.put(Metadata.Key.of("grpc-accept-encoding", Metadata.ASCII_STRING_MARSHALLER), "gzip");
    received.put(Metadata.Key.of("user-agent", Metadata.ASCII_STRING_MARSHALLER), "grpc-java-netty/1.83.1");
    for (Map.Entry<String, String> h : signature.headers().entrySet()) {
      received.put(Metadata.Key.of(h.getKey(), Metadata.ASCII_STRING_MARSHALLER), h.getValue());
    }
    if (!verify()) {
      throw new IllegalStateException("the signed call does not verify");
    }
    byte[] tampered = message.clone();
    tampered[0] = 'y';
    SignableRequest view = GrpcRequestView.received(METHOD, AUTHORITY, received, tampered);
    if (verifier.matches(view, verifier.claim(view), credentials.secretAccessKey())) {
      throw new IllegalStateException("a tampered call verifies");
    }
  }

  /** The client side of one call. */
  @Benchmark
  public SigV4Signature sign() {
    return signer.sign(GrpcRequestView.toSign(METHOD, AUTHORITY, message), credentials, REGION, "sts", now);
  }

  /** The server side of one call. */
  @Benchmark
  public boolean verify() {
    SignableRequest view = GrpcRequestView.received(METHOD, AUTHORITY, received, message);
    SignatureClaim claim = verifier.claim(view);
    verifier.requireScope(claim, REGION, "sts");
    verifier.requireFresh(claim);
    return verifier.matches(view, claim, credentials.secretAccessKey());
  }

}

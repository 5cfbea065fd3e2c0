package dev.lanyard.sdk.client;

import dev.lanyard.proto.authz.v1.AuthorizerGrpc;
import dev.lanyard.proto.iam.v1.IamServiceGrpc;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleResponse;
import dev.lanyard.proto.sts.v1.AssumeRoleWithSAMLRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithSAMLResponse;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityResponse;
import dev.lanyard.proto.sts.v1.DecodeAuthorizationMessageRequest;
import dev.lanyard.proto.sts.v1.DecodeAuthorizationMessageResponse;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityResponse;
import dev.lanyard.proto.sts.v1.GetFederationTokenRequest;
import dev.lanyard.proto.sts.v1.GetFederationTokenResponse;
import dev.lanyard.proto.sts.v1.GetSessionTokenRequest;
import dev.lanyard.proto.sts.v1.GetSessionTokenResponse;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.CredentialsProvider;
import dev.lanyard.sdk.signing.grpc.GrpcRequestView;
import dev.lanyard.sdk.signing.grpc.SigV4ClientInterceptor;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * A client of a Lanyard cluster over gRPC: one channel per endpoint, round-robin with failover, a
 * deadline on every call, retries of retryable failures with exponential backoff and full jitter
 * (never of a refused credential), and SigV4 signing with credentials from a {@link
 * CredentialsProvider}. STS failures surface as {@link LanyardServiceException}. The IAM and
 * Authorizer stubs share the channels, the signing and the deadline, without the retries.
 */
public final class LanyardClient implements AutoCloseable {
  private final EndpointRotation rotation;
  private final CredentialsProvider credentials;
  private final String region;
  private final Clock clock;
  private final RandomGenerator random;
  private final Duration deadline;
  private final RetrySettings retry;
  private final Channel stubChannel;

  private LanyardClient(Builder b, List<ManagedChannel> channels) {
    this.rotation = new EndpointRotation(channels);
    this.credentials = b.credentials;
    this.region = b.region;
    this.clock = b.clock;
    this.random = b.random;
    this.deadline = b.deadline;
    this.retry = b.retry;
    List<ClientInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new DefaultDeadlineInterceptor(deadline));
    if (credentials != null) {
      interceptors.add(new SigV4ClientInterceptor(credentials::resolve, region, clock));
    }
    this.stubChannel = rotation.decorated(channel -> ClientInterceptors.intercept(channel, interceptors));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Temporary credentials for a role. Signed. */
  public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
    return call(SecurityTokenServiceGrpc.getAssumeRoleMethod(), request, true, true);
  }

  /** Temporary credentials for the calling user. Signed. */
  public GetSessionTokenResponse getSessionToken(GetSessionTokenRequest request) {
    return call(SecurityTokenServiceGrpc.getGetSessionTokenMethod(), request, true, true);
  }

  /** Temporary credentials for a federated user. Signed. */
  public GetFederationTokenResponse getFederationToken(GetFederationTokenRequest request) {
    return call(SecurityTokenServiceGrpc.getGetFederationTokenMethod(), request, true, true);
  }

  /** Who the signing credentials belong to. Signed. */
  public GetCallerIdentityResponse getCallerIdentity() {
    return call(SecurityTokenServiceGrpc.getGetCallerIdentityMethod(), GetCallerIdentityRequest.getDefaultInstance(),
        true, true);
  }

  /** Decodes an encoded authorisation message. Signed. */
  public DecodeAuthorizationMessageResponse decodeAuthorizationMessage(DecodeAuthorizationMessageRequest request) {
    return call(SecurityTokenServiceGrpc.getDecodeAuthorizationMessageMethod(), request, true, true);
  }

  /** Role credentials for an OIDC token. Unsigned: the token is the proof. */
  public AssumeRoleWithWebIdentityResponse assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest request) {
    return call(SecurityTokenServiceGrpc.getAssumeRoleWithWebIdentityMethod(), request, false, true);
  }

  /**
   * Role credentials for a SAML response. Unsigned. Not retried after a deadline, since the server
   * accepts an assertion only once and may have accepted it.
   */
  public AssumeRoleWithSAMLResponse assumeRoleWithSAML(AssumeRoleWithSAMLRequest request) {
    return call(SecurityTokenServiceGrpc.getAssumeRoleWithSAMLMethod(), request, false, false);
  }

  /** The IAM administration API over the same channels, signing and deadline (no retries). */
  public IamServiceGrpc.IamServiceBlockingStub iam() {
    return IamServiceGrpc.newBlockingStub(stubChannel);
  }

  /** The Authorizer API over the same channels, signing and deadline (no retries). */
  public AuthorizerGrpc.AuthorizerBlockingStub authorizer() {
    return AuthorizerGrpc.newBlockingStub(stubChannel);
  }

  /** The round-robin channel with signing and deadline, for other stubs. */
  public Channel channel() {
    return stubChannel;
  }

  private <Q, R> R call(MethodDescriptor<Q, R> method, Q request, boolean signed, boolean idempotent) {
    if (signed && credentials == null) {
      throw new IllegalStateException("credentials: " + method.getBareMethodName()
          + " is a signed call; build the LanyardClient with credentials(...)");
    }
    int attempts = Math.max(retry.maxAttempts(), rotation.size());
    int start = rotation.start();
    for (int attempt = 1; ; attempt++) {
      Channel channel = rotation.channel(start + attempt - 1);
      if (signed) {
        Credentials signing = credentials.resolve();
        channel = ClientInterceptors.intercept(channel, new SigV4ClientInterceptor(() -> signing, region, clock));
      }
      try {
        return ClientCalls.blockingUnaryCall(channel, method,
            CallOptions.DEFAULT.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS), request);
      } catch (StatusRuntimeException e) {
        LanyardServiceException error = ServiceErrors.from(e);
        boolean serverSaysRetryable = ServiceErrors.detail(e).map(d -> d.getRetryable()).orElse(false);
        if (attempt >= attempts || !RetryRule.isRetryable(e.getStatus().getCode(), serverSaysRetryable, idempotent)) {
          throw error;
        }
        pause(attempt + 1, error);
      }
    }
  }

  /** Full jitter: a random wait up to the exponential ceiling. */
  private void pause(int nextAttempt, LanyardServiceException last) {
    long ceiling = retry.backoffCeiling(nextAttempt).toNanos();
    long wait = ceiling == 0 ? 0 : (long) (random.nextDouble() * ceiling);
    try {
      TimeUnit.NANOSECONDS.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw last;
    }
  }

  /** Shuts the channels down, waiting up to 5 seconds. */
  @Override
  public void close() {
    for (int i = 0; i < rotation.size(); i++) {
      rotation.channel(i).shutdown();
    }
    try {
      for (int i = 0; i < rotation.size(); i++) {
        ManagedChannel channel = rotation.channel(i);
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
          channel.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Options of a {@link LanyardClient}. */
  public static final class Builder {
    private List<Endpoint> endpoints;
    private CredentialsProvider credentials;
    private String region = GrpcRequestView.DEFAULT_REGION;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random;
    private Duration deadline = Duration.ofSeconds(10);
    private RetrySettings retry = RetrySettings.DEFAULTS;
    private ClientTls tls = ClientTls.systemTrust();
    private Function<Endpoint, ManagedChannel> channelFactory;

    private Builder() {}

    /**
     * Settings from the environment: {@code LANYARD_ENDPOINT} (comma-separated {@code host:port}),
     * {@code LANYARD_CA_FILE} (PEM CAs to trust), {@code LANYARD_PLAINTEXT=true} (no TLS).
     */
    public Builder environment(Map<String, String> environment) {
      endpoints(environment.get("LANYARD_ENDPOINT"));
      String ca = environment.get("LANYARD_CA_FILE");
      if ("true".equalsIgnoreCase(environment.getOrDefault("LANYARD_PLAINTEXT", "").strip())) {
        tls = ClientTls.plaintextConnections();
      } else if (ca != null && !ca.isBlank()) {
        tls = ClientTls.trusting(java.nio.file.Path.of(ca.strip()));
      }
      return this;
    }

    /** Comma-separated {@code host:port} list, as in {@code LANYARD_ENDPOINT}. */
    public Builder endpoints(String commaSeparated) {
      this.endpoints = Endpoint.parseList(commaSeparated);
      return this;
    }

    public Builder endpoints(List<Endpoint> endpoints) {
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("endpoints: at least one host:port is required, got none");
      }
      this.endpoints = List.copyOf(endpoints);
      return this;
    }

    /** Signs calls with these credentials; without, only the unsigned federation calls work. */
    public Builder credentials(CredentialsProvider credentials) {
      this.credentials = credentials;
      return this;
    }

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where retry jitter comes from; default a {@link SecureRandom}. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The deadline of each attempt; default 10 seconds. */
    public Builder deadline(Duration deadline) {
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline: must be positive, got " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    public Builder retry(RetrySettings retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    public Builder tls(ClientTls tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /** Makes the channel of each endpoint (e.g. in-process channels in tests); overrides {@link #tls}. */
    public Builder channelFactory(Function<Endpoint, ManagedChannel> channelFactory) {
      this.channelFactory = Objects.requireNonNull(channelFactory, "channelFactory");
      return this;
    }

    public LanyardClient build() {
      if (endpoints == null) {
        throw new IllegalStateException("endpoints: at least one host:port is required (LANYARD_ENDPOINT)");
      }
      if (random == null) {
        random = new SecureRandom();
      }
      new SigV4ClientInterceptor(() -> null, region, clock); // validates the region now, not on the first call
      Function<Endpoint, ManagedChannel> factory = channelFactory;
      if (factory == null) {
        io.grpc.ChannelCredentials channelCredentials = tls.toChannelCredentials();
        factory = endpoint -> Grpc.newChannelBuilderForAddress(endpoint.host(), endpoint.port(), channelCredentials)
            .build();
      }
      List<ManagedChannel> channels = new ArrayList<>();
      for (Endpoint endpoint : endpoints) {
        channels.add(factory.apply(endpoint));
      }
      return new LanyardClient(this, channels);
    }
  }
}

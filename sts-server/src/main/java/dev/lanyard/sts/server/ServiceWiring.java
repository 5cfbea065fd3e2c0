package dev.lanyard.sts.server;

import dev.lanyard.proto.authz.v1.AuthorizerGrpc;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sts.agent.InstanceOperations;
import dev.lanyard.sts.audit.CallRecorder;
import dev.lanyard.sts.auth.LongTermKeys;
import dev.lanyard.sts.auth.RequestAuthenticator;
import dev.lanyard.sts.auth.SigV4ServerInterceptor;
import dev.lanyard.sts.auth.SignedServices;
import dev.lanyard.sts.authz.RequestContextFactory;
import dev.lanyard.sts.authz.grpc.AuthorizerGrpcService;
import dev.lanyard.sts.iam.IamGrpcService;
import dev.lanyard.sts.mfa.MfaCodes;
import dev.lanyard.sts.mfa.Totp;
import dev.lanyard.sts.query.StsQueryHandler;
import dev.lanyard.sts.federation.oidc.KeyFetchSettings;
import dev.lanyard.sts.federation.oidc.OidcProviderKeys;
import dev.lanyard.sts.federation.oidc.ProviderTlsTrust;
import dev.lanyard.sts.federation.oidc.WebIdentityTokenVerifier;
import dev.lanyard.sts.federation.saml.SamlResponseVerifier;
import dev.lanyard.sts.federation.saml.SamlVerifierSettings;
import dev.lanyard.sts.session.AssumeRoleOperation;
import dev.lanyard.sts.session.FederatedTrust;
import dev.lanyard.sts.session.SamlOperations;
import dev.lanyard.sts.session.WebIdentityOperations;
import dev.lanyard.sts.session.IdentityOperations;
import dev.lanyard.sts.session.MfaCheck;
import dev.lanyard.sts.session.RoleTrust;
import dev.lanyard.sts.session.SessionMinter;
import dev.lanyard.sts.session.StsGrpcService;
import dev.lanyard.sts.session.StsOperations;
import dev.lanyard.sts.session.UserSessionOperations;
import dev.lanyard.sts.authz.AccessEvaluator;
import dev.lanyard.sts.authz.AuthorizationMessages;
import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.authz.PrincipalPolicies;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.config.PemCertificateFile;
import dev.lanyard.sts.config.ServerConfig;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.http.HttpFrontDoor;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.token.SessionTokenIssuer;
import dev.lanyard.sts.token.SessionTokenVerifier;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Which services a node serves and how: the one place where the gRPC services and the HTTP routes
 * beyond the basics are attached, and where the calls that need no signature are listed.
 */
final class ServiceWiring {
  /**
   * Calls whose proof is not a SigV4 signature: federation (the identity provider's token is the
   * proof) and the agent's enrolment and possession proofs.
   */
  static final Set<String> UNSIGNED_METHODS = Set.of(
      SecurityTokenServiceGrpc.getAssumeRoleWithWebIdentityMethod().getFullMethodName(),
      SecurityTokenServiceGrpc.getAssumeRoleWithSAMLMethod().getFullMethodName(),
      SecurityTokenServiceGrpc.getEnrollInstanceMethod().getFullMethodName(),
      SecurityTokenServiceGrpc.getGetInstanceChallengeMethod().getFullMethodName(),
      SecurityTokenServiceGrpc.getAssumeRoleForInstanceMethod().getFullMethodName());

  /**
   * The calls answered from memory on the hot path, run on the node's fixed pool of gRPC threads
   * ({@link dev.lanyard.sts.grpc.CallExecutors}).
   */
  static final Set<String> HOT_METHODS = Set.of(
      AuthorizerGrpc.getAuthorizeMethod().getFullMethodName(),
      AuthorizerGrpc.getAuthorizeBatchMethod().getFullMethodName(),
      SecurityTokenServiceGrpc.getAssumeRoleMethod().getFullMethodName(),
      SecurityTokenServiceGrpc.getGetSessionTokenMethod().getFullMethodName(),
      SecurityTokenServiceGrpc.getGetFederationTokenMethod().getFullMethodName(),
      SecurityTokenServiceGrpc.getGetCallerIdentityMethod().getFullMethodName(),
      SecurityTokenServiceGrpc.getGetAccessKeyInfoMethod().getFullMethodName(),
      HealthGrpc.getCheckMethod().getFullMethodName());

  /** Everything a service may need, built once by {@link LanyardServer}. */
  record Parts(ServerConfig config, IamStore store, StoreVersionTracker versions,
      SessionTokenIssuer issuer, SessionTokenVerifier verifier, PolicyLibrary library,
      PrincipalPolicies principals, RequestContextFactory contexts, AccessEvaluator access,
      AuthorizationMessages messages, LongTermKeys keys, RequestAuthenticator authenticator,
      CallRecorder recorder, Clock clock, SecureRandom random) {}

  private final Parts p;
  private final StsOperations sts;

  /** Builds the STS service layer once; both doors serve the same instance. */
  ServiceWiring(Parts parts) {
    this.p = parts;
    this.sts = stsOperations(parts);
  }

  /** The signed gRPC services. */
  List<ServerServiceDefinition> signedServices(SigV4ServerInterceptor sigv4) {
    List<ServerServiceDefinition> services = new ArrayList<>();
    InstanceOperations instances = new InstanceOperations(p.store(), p.versions(), new SessionMinter(p.issuer()),
        p.clock(), p.random());
    services.add(SignedServices.signed(new StsGrpcService(sts, instances, p.recorder()), sigv4));
    services.add(SignedServices.signed(IamGrpcService.create(p.store(), p.access(), p.versions(),
        p.recorder(), p.clock(), p.random()), sigv4));
    services.add(SignedServices.signed(new AuthorizerGrpcService(p.store(), p.keys(), p.verifier(),
        p.access(), p.principals(), p.messages(), p.recorder(), p.clock(), p.config().region()),
        sigv4));
    return services;
  }

  /** The STS service layer over the shared parts (store, caches, key rings, replay records). */
  private static StsOperations stsOperations(Parts p) {
    MfaCodes mfaCodes = new MfaCodes(p.store(), Totp.standard(), p.clock());
    MfaCheck mfa = new MfaCheck(p.store(), mfaCodes, p.clock());
    SessionMinter minter = new SessionMinter(p.issuer());
    RoleTrust trust = new RoleTrust(p.principals(), p.contexts(), p.access(), p.versions(), p.clock());
    FederatedTrust federated = new FederatedTrust(p.versions(), p.config().region(), p.clock());
    return new StsOperations(
        new AssumeRoleOperation(p.library(), trust, mfa, minter),
        new UserSessionOperations(p.library(), p.access(), mfa, minter),
        new IdentityOperations(p.keys(), p.access(), p.messages()),
        new WebIdentityOperations(p.store(), p.library(), webIdentityVerifier(p), federated, minter),
        new SamlOperations(p.store(), p.library(), new SamlResponseVerifier(p.store(),
            SamlVerifierSettings.forIssuer(p.config().issuer()), p.clock()), federated, minter, p.clock()));
  }

  /**
   * OpenID Connect ID tokens verified against provider keys fetched over HTTPS with the JVM's
   * default TLS trust (so {@code -Djavax.net.ssl.trustStore} applies, as everywhere in Java), plus
   * the certificates of {@code --oidc-ca-file} when given, and cached per provider (1 hour, refetch
   * on an unknown kid at most once a minute).
   */
  private static WebIdentityTokenVerifier webIdentityVerifier(Parts p) {
    Path extraCa = p.config().oidcCaFile();
    SSLContext tls = extraCa == null ? null : ProviderTlsTrust.withExtraCertificates(
        PemCertificateFile.forSetting(Setting.OIDC_CA_FILE, extraCa, "the node's configuration"));
    return new WebIdentityTokenVerifier(new OidcProviderKeys(KeyFetchSettings.defaults(), p.clock(), tls), p.clock());
  }

  /**
   * Routes on the HTTP port beyond JWKS, discovery, metrics and health: the AWS STS Query API on
   * {@code /}, over the same operations and the same authenticator (service {@code sts}, the node's
   * region) as the gRPC door.
   */
  void httpRoutes(HttpFrontDoor http) {
    http.route("/", new StsQueryHandler(sts, p.authenticator(), p.recorder()));
  }
}

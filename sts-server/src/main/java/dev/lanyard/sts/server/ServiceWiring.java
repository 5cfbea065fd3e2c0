package dev.lanyard.sts.server;

import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sts.audit.CallRecorder;
import dev.lanyard.sts.auth.LongTermKeys;
import dev.lanyard.sts.auth.SigV4ServerInterceptor;
import dev.lanyard.sts.auth.SignedServices;
import dev.lanyard.sts.authz.RequestContextFactory;
import dev.lanyard.sts.authz.grpc.AuthorizerGrpcService;
import dev.lanyard.sts.iam.IamGrpcService;
import dev.lanyard.sts.mfa.MfaCodes;
import dev.lanyard.sts.mfa.Totp;
import dev.lanyard.sts.session.AssumeRoleOperation;
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
import dev.lanyard.sts.config.ServerConfig;
import dev.lanyard.sts.http.HttpFrontDoor;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.token.SessionTokenIssuer;
import dev.lanyard.sts.token.SessionTokenVerifier;
import io.grpc.ServerServiceDefinition;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

  /** Everything a service may need, built once by {@link LanyardServer}. */
  record Parts(ServerConfig config, IamStore store, StoreVersionTracker versions,
      SessionTokenIssuer issuer, SessionTokenVerifier verifier, PolicyLibrary library,
      PrincipalPolicies principals, RequestContextFactory contexts, AccessEvaluator access,
      AuthorizationMessages messages, LongTermKeys keys, CallRecorder recorder, Clock clock,
      SecureRandom random) {}

  private ServiceWiring() {}

  /** The signed gRPC services. */
  static List<ServerServiceDefinition> signedServices(Parts p, SigV4ServerInterceptor sigv4) {
    MfaCodes mfaCodes = new MfaCodes(p.store(), Totp.standard(), p.clock());
    MfaCheck mfa = new MfaCheck(p.store(), mfaCodes, p.clock());
    SessionMinter minter = new SessionMinter(p.issuer());
    RoleTrust trust = new RoleTrust(p.principals(), p.contexts(), p.access(), p.versions(), p.clock());
    StsOperations sts = new StsOperations(
        new AssumeRoleOperation(p.store(), p.library(), trust, mfa, minter),
        new UserSessionOperations(p.library(), p.access(), mfa, minter),
        new IdentityOperations(p.keys(), p.access(), p.messages()));
    List<ServerServiceDefinition> services = new ArrayList<>();
    services.add(SignedServices.signed(new StsGrpcService(sts, p.recorder()), sigv4));
    services.add(SignedServices.signed(IamGrpcService.create(p.store(), p.access(), p.versions(),
        p.recorder(), p.clock(), p.random()), sigv4));
    services.add(SignedServices.signed(new AuthorizerGrpcService(p.store(), p.keys(), p.verifier(),
        p.access(), p.principals(), p.messages(), p.recorder(), p.clock(), p.config().region()),
        sigv4));
    return services;
  }

  /** Routes on the HTTP port beyond JWKS, discovery, metrics and health. */
  static void httpRoutes(Parts p, HttpFrontDoor http) {
  }
}

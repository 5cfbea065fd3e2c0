package dev.lanyard.sts.server;

import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sts.audit.CallRecorder;
import dev.lanyard.sts.auth.SigV4ServerInterceptor;
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
      PrincipalPolicies principals, AccessEvaluator access, AuthorizationMessages messages,
      CallRecorder recorder, Clock clock, SecureRandom random) {}

  private ServiceWiring() {}

  /** The signed gRPC services. */
  static List<ServerServiceDefinition> signedServices(Parts p, SigV4ServerInterceptor sigv4) {
    List<ServerServiceDefinition> services = new ArrayList<>();
    return services;
  }

  /** Routes on the HTTP port beyond JWKS, discovery, metrics and health. */
  static void httpRoutes(Parts p, HttpFrontDoor http) {
  }
}

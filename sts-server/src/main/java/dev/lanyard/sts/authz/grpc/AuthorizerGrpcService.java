package dev.lanyard.sts.authz.grpc;

import dev.lanyard.proto.authz.v1.AuthorizeBatchRequest;
import dev.lanyard.proto.authz.v1.Decision;
import dev.lanyard.proto.authz.v1.AuthorizeBatchResponse;
import dev.lanyard.proto.authz.v1.AuthorizeBatchResult;
import dev.lanyard.proto.authz.v1.AuthorizeRequest;
import dev.lanyard.proto.authz.v1.AuthorizeResponse;
import dev.lanyard.proto.authz.v1.AuthorizerGrpc;
import dev.lanyard.proto.authz.v1.SimulateCustomPolicyRequest;
import dev.lanyard.proto.authz.v1.SimulatePolicyResponse;
import dev.lanyard.proto.authz.v1.SimulatePrincipalPolicyRequest;
import dev.lanyard.sts.audit.CallRecorder;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.auth.CallerContext;
import dev.lanyard.sts.auth.LongTermKeys;
import dev.lanyard.sts.authz.AccessEvaluator;
import dev.lanyard.sts.authz.AuthorizationMessages;
import dev.lanyard.sts.authz.PrincipalPolicies;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.grpc.RequestIds;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.token.SessionTokenVerifier;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Authorizer over gRPC: Authorize, AuthorizeBatch (at most 100 requests, answered in order, each
 * principal resolved and permission-checked once per batch, a failed item reported in place without
 * failing the batch), SimulatePrincipalPolicy and SimulateCustomPolicy. Every call runs through the
 * {@link CallRecorder} (door {@code grpc}); session tokens never reach the audit record.
 */
public final class AuthorizerGrpcService extends AuthorizerGrpc.AuthorizerImplBase {
  /** The most requests one AuthorizeBatch call may carry. */
  public static final int MAX_BATCH = 100;
  private static final String DOOR = "grpc";

  private final Authorization authorization;
  private final Simulation simulation;
  private final CallRecorder recorder;

  /**
   * @param region the server's region, the default scope of signed requests passed to Authorize
   */
  public AuthorizerGrpcService(IamStore store, LongTermKeys keys, SessionTokenVerifier sessions,
      AccessEvaluator access, PrincipalPolicies policies, AuthorizationMessages messages, CallRecorder recorder,
      Clock clock, String region) {
    this.authorization = new Authorization(new PrincipalResolver(keys, sessions, clock, region), access, policies,
        messages, new SuppliedPolicies(10_000));
    this.simulation = new Simulation(access, new SimulationSources(store));
    this.recorder = recorder;
  }

  @Override
  public void authorize(AuthorizeRequest request, StreamObserver<AuthorizeResponse> out) {
    reply(out, "Authorize", auditParameters(request), caller -> {
      AuthorizeResponse response = authorization.decide(authorization.subject(caller, request), request);
      recorder.recordDecision(response.getDecision().name());
      return response;
    }, response -> response.getDecision() != Decision.ALLOW);
  }

  @Override
  public void authorizeBatch(AuthorizeBatchRequest request, StreamObserver<AuthorizeBatchResponse> out) {
    Map<String, Object> params = Map.of("requests", request.getRequestsCount());
    reply(out, "AuthorizeBatch", params, caller -> batch(caller, request.getRequestsList()),
        response -> response.getResultsList().stream()
            .anyMatch(r -> !r.hasResult() || r.getResult().getDecision() != Decision.ALLOW));
  }

  @Override
  public void simulatePrincipalPolicy(SimulatePrincipalPolicyRequest request,
      StreamObserver<SimulatePolicyResponse> out) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("policySourceArn", request.getPolicySourceArn());
    params.put("actionNames", request.getActionNamesList());
    reply(out, "SimulatePrincipalPolicy", params, caller -> simulation.principalPolicy(caller, request),
        response -> true);
  }

  @Override
  public void simulateCustomPolicy(SimulateCustomPolicyRequest request, StreamObserver<SimulatePolicyResponse> out) {
    reply(out, "SimulateCustomPolicy", Map.of("actionNames", request.getActionNamesList()),
        caller -> simulation.customPolicy(caller, request), response -> true);
  }

  private AuthorizeBatchResponse batch(Caller caller, List<AuthorizeRequest> requests) {
    if (requests.size() > MAX_BATCH) {
      throw new LanyardException(AwsErrorCode.ValidationError, "requests: " + requests.size()
          + " requests in one batch; at most " + MAX_BATCH + " are accepted");
    }
    BatchSubjects subjects = new BatchSubjects(r -> authorization.subject(caller, r));
    AuthorizeBatchResponse.Builder b = AuthorizeBatchResponse.newBuilder();
    for (AuthorizeRequest r : requests) {
      AuthorizeBatchResult.Builder result = b.addResultsBuilder();
      try {
        Caller subject = subjects.of(r);
        AuthorizeResponse response = authorization.decide(subject, r);
        recorder.recordDecision(response.getDecision().name());
        result.setResult(response);
      } catch (LanyardException e) {
        result.setFailure(AuthorizeBatchResult.Failure.newBuilder()
            .setCode(e.code().name()).setMessage(e.getMessage()));
      }
    }
    return b.build();
  }

  private static Map<String, Object> auditParameters(AuthorizeRequest r) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("action", r.getAction());
    p.put("resource", r.getResource());
    p.put("principal", switch (r.getPrincipalCase()) {
      case SESSION_TOKEN -> "session token";
      case ACCESS_KEY_ID -> r.getAccessKeyId();
      case SIGNED_REQUEST -> "signed request";
      case PRINCIPAL_NOT_SET -> "caller";
    });
    return p;
  }

  /** Runs one call through the recorder; {@code worthKeeping} decides which results are audited. */
  private <R> void reply(StreamObserver<R> out, String action, Map<String, Object> params,
      Function<Caller, R> operation, java.util.function.Predicate<R> worthKeeping) {
    Caller known = CallerContext.currentOrNull();
    String source = known == null ? null : known.sourceAddress();
    R response = recorder.record(new CallRecorder.Call(DOOR, action, RequestIds.current(), known, source, params),
        () -> operation.apply(CallerContext.current()), worthKeeping);
    out.onNext(response);
    out.onCompleted();
  }
}

package dev.lanyard.sts.session;

import dev.lanyard.proto.sts.v1.AssumeRoleForInstanceRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleForInstanceResponse;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleResponse;
import dev.lanyard.proto.sts.v1.AssumeRoleWithSAMLRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithSAMLResponse;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityResponse;
import dev.lanyard.proto.sts.v1.DecodeAuthorizationMessageRequest;
import dev.lanyard.proto.sts.v1.DecodeAuthorizationMessageResponse;
import dev.lanyard.proto.sts.v1.EnrollInstanceRequest;
import dev.lanyard.proto.sts.v1.EnrollInstanceResponse;
import dev.lanyard.proto.sts.v1.GetAccessKeyInfoRequest;
import dev.lanyard.proto.sts.v1.GetAccessKeyInfoResponse;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityResponse;
import dev.lanyard.proto.sts.v1.GetFederationTokenRequest;
import dev.lanyard.proto.sts.v1.GetFederationTokenResponse;
import dev.lanyard.proto.sts.v1.GetInstanceChallengeRequest;
import dev.lanyard.proto.sts.v1.GetInstanceChallengeResponse;
import dev.lanyard.proto.sts.v1.GetSessionTokenRequest;
import dev.lanyard.proto.sts.v1.GetSessionTokenResponse;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sts.audit.CallRecorder;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.auth.CallerContext;
import dev.lanyard.sts.grpc.RequestIds;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.function.Function;

/**
 * The STS over gRPC: maps each request to the service layer's input record, runs the operation
 * through the {@link CallRecorder} (door {@code grpc}) with the signed caller, and maps the result
 * back. Errors are thrown as {@code LanyardException}s for the error-mapping interceptor. The
 * federation and instance operations answer {@code UNIMPLEMENTED} until their issues land.
 */
public final class StsGrpcService extends SecurityTokenServiceGrpc.SecurityTokenServiceImplBase {
  private static final String DOOR = "grpc";

  private final StsOperations ops;
  private final CallRecorder recorder;

  public StsGrpcService(StsOperations ops, CallRecorder recorder) {
    this.ops = ops;
    this.recorder = recorder;
  }

  @Override
  public void assumeRole(AssumeRoleRequest request, StreamObserver<AssumeRoleResponse> out) {
    reply(out, "AssumeRole", StsMessages.auditParameters(request), caller -> StsMessages.assumeRole(
        ops.assumeRole().assumeRole(caller, StsMessages.assumeRole(request))));
  }

  @Override
  public void getSessionToken(GetSessionTokenRequest request, StreamObserver<GetSessionTokenResponse> out) {
    reply(out, "GetSessionToken", StsMessages.auditParameters(request), caller ->
        GetSessionTokenResponse.newBuilder().setCredentials(StsMessages.credentials(
            ops.userSessions().getSessionToken(caller, StsMessages.getSessionToken(request)))).build());
  }

  @Override
  public void getFederationToken(GetFederationTokenRequest request,
      StreamObserver<GetFederationTokenResponse> out) {
    reply(out, "GetFederationToken", StsMessages.auditParameters(request), caller ->
        StsMessages.federationToken(ops.userSessions().getFederationToken(caller,
            StsMessages.getFederationToken(request))));
  }

  @Override
  public void getCallerIdentity(GetCallerIdentityRequest request,
      StreamObserver<GetCallerIdentityResponse> out) {
    reply(out, "GetCallerIdentity", Map.of(), caller -> {
      CallerIdentity id = ops.identity().getCallerIdentity(caller);
      return GetCallerIdentityResponse.newBuilder().setUserId(id.userId()).setAccount(id.account())
          .setArn(id.arn()).build();
    });
  }

  @Override
  public void getAccessKeyInfo(GetAccessKeyInfoRequest request, StreamObserver<GetAccessKeyInfoResponse> out) {
    reply(out, "GetAccessKeyInfo", Map.of("accessKeyId", request.getAccessKeyId()), caller ->
        GetAccessKeyInfoResponse.newBuilder()
            .setAccount(ops.identity().getAccessKeyInfo(caller, request.getAccessKeyId())).build());
  }

  @Override
  public void decodeAuthorizationMessage(DecodeAuthorizationMessageRequest request,
      StreamObserver<DecodeAuthorizationMessageResponse> out) {
    reply(out, "DecodeAuthorizationMessage", Map.of(), caller ->
        DecodeAuthorizationMessageResponse.newBuilder().setDecodedMessage(
            ops.identity().decodeAuthorizationMessage(caller, request.getEncodedMessage())).build());
  }

  @Override
  public void assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest request,
      StreamObserver<AssumeRoleWithWebIdentityResponse> out) {
    unimplemented(out, "AssumeRoleWithWebIdentity", "the federation issue");
  }

  @Override
  public void assumeRoleWithSAML(AssumeRoleWithSAMLRequest request, StreamObserver<AssumeRoleWithSAMLResponse> out) {
    unimplemented(out, "AssumeRoleWithSAML", "the federation issue");
  }

  @Override
  public void enrollInstance(EnrollInstanceRequest request, StreamObserver<EnrollInstanceResponse> out) {
    unimplemented(out, "EnrollInstance", "the agent issue");
  }

  @Override
  public void getInstanceChallenge(GetInstanceChallengeRequest request,
      StreamObserver<GetInstanceChallengeResponse> out) {
    unimplemented(out, "GetInstanceChallenge", "the agent issue");
  }

  @Override
  public void assumeRoleForInstance(AssumeRoleForInstanceRequest request,
      StreamObserver<AssumeRoleForInstanceResponse> out) {
    unimplemented(out, "AssumeRoleForInstance", "the agent issue");
  }

  private <R> void reply(StreamObserver<R> out, String action, Map<String, Object> params,
      Function<Caller, R> operation) {
    Caller known = CallerContext.currentOrNull();
    String source = known == null ? null : known.sourceAddress();
    R response = recorder.record(new CallRecorder.Call(DOOR, action, RequestIds.current(), known, source, params),
        () -> operation.apply(CallerContext.current()));
    out.onNext(response);
    out.onCompleted();
  }

  private static void unimplemented(StreamObserver<?> out, String method, String issue) {
    out.onError(Status.UNIMPLEMENTED.withDescription(method + " arrives with " + issue).asRuntimeException());
  }
}

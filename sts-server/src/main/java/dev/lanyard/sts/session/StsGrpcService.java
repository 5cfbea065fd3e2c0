package dev.lanyard.sts.session;

import dev.lanyard.proto.sts.v1.AssumeRoleForInstanceRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleForInstanceResponse;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleResponse;
import dev.lanyard.proto.sts.v1.AssumeRoleWithSAMLRequest;
import dev.lanyard.proto.sts.v1.AssumedRoleUser;
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
import dev.lanyard.sts.agent.Enrolment;
import dev.lanyard.sts.agent.InstanceChallenge;
import dev.lanyard.sts.agent.InstanceOperations;
import dev.lanyard.sts.agent.InstanceSession;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.auth.CallerContext;
import dev.lanyard.sts.grpc.PeerAddresses;
import dev.lanyard.sts.grpc.RequestIds;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.function.Function;

/**
 * The STS over gRPC: maps each request to the service layer's input record, runs the operation
 * through the {@link CallRecorder} (door {@code grpc}) with the signed caller, and maps the result
 * back. Errors are thrown as {@code LanyardException}s for the error-mapping interceptor. The
 * instance operations (unsigned) run through {@link InstanceOperations}; the federation operations
 * (unsigned: the identity provider's token is the proof) run without a caller.
 */
public final class StsGrpcService extends SecurityTokenServiceGrpc.SecurityTokenServiceImplBase {
  private static final String DOOR = "grpc";

  private final StsOperations ops;
  private final InstanceOperations instances;
  private final CallRecorder recorder;

  /** Without the instance operations: EnrollInstance and its siblings answer {@code UNIMPLEMENTED}. */
  public StsGrpcService(StsOperations ops, CallRecorder recorder) {
    this(ops, null, recorder);
  }

  /** With the instance operations of the agent (EnrollInstance, GetInstanceChallenge, AssumeRoleForInstance). */
  public StsGrpcService(StsOperations ops, InstanceOperations instances, CallRecorder recorder) {
    this.ops = ops;
    this.instances = instances;
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
    replyUnsigned(out, "AssumeRoleWithWebIdentity", StsMessages.auditParameters(request), source ->
        StsMessages.webIdentity(ops.webIdentity().assumeRoleWithWebIdentity(StsMessages.webIdentity(request),
            source)));
  }

  @Override
  public void assumeRoleWithSAML(AssumeRoleWithSAMLRequest request, StreamObserver<AssumeRoleWithSAMLResponse> out) {
    replyUnsigned(out, "AssumeRoleWithSAML", StsMessages.auditParameters(request), source ->
        StsMessages.saml(ops.saml().assumeRoleWithSaml(StsMessages.saml(request), source)));
  }

  @Override
  public void enrollInstance(EnrollInstanceRequest request, StreamObserver<EnrollInstanceResponse> out) {
    if (instances == null) {
      unimplemented(out, "EnrollInstance", "the instance operations wired in (ServiceWiring)");
      return;
    }
    replyUnsigned(out, "EnrollInstance", Map.of("hostname", request.getHostname()), source -> {
      Enrolment e = instances.enroll(request.getJoinToken(), request.getHostPublicKey().toByteArray(),
          request.getHostname());
      var b = EnrollInstanceResponse.newBuilder().setInstanceId(e.instanceId())
          .setInstanceProfileArn(e.instanceProfileArn()).setAccount(e.accountId());
      if (e.roleArn() != null) {
        b.setRoleArn(e.roleArn());
      }
      return b.build();
    });
  }

  @Override
  public void getInstanceChallenge(GetInstanceChallengeRequest request,
      StreamObserver<GetInstanceChallengeResponse> out) {
    if (instances == null) {
      unimplemented(out, "GetInstanceChallenge", "the instance operations wired in (ServiceWiring)");
      return;
    }
    replyUnsigned(out, "GetInstanceChallenge", Map.of("instanceId", request.getInstanceId()), source -> {
      InstanceChallenge c = instances.challenge(request.getInstanceId());
      return GetInstanceChallengeResponse.newBuilder().setChallenge(ByteString.copyFrom(c.bytes()))
          .setExpiration(Timestamp.newBuilder().setSeconds(c.expiration().getEpochSecond())).build();
    });
  }

  @Override
  public void assumeRoleForInstance(AssumeRoleForInstanceRequest request,
      StreamObserver<AssumeRoleForInstanceResponse> out) {
    if (instances == null) {
      unimplemented(out, "AssumeRoleForInstance", "the instance operations wired in (ServiceWiring)");
      return;
    }
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    params.put("instanceId", request.getInstanceId());
    if (request.hasDurationSeconds()) {
      params.put("durationSeconds", request.getDurationSeconds());
    }
    replyUnsigned(out, "AssumeRoleForInstance", params, source -> {
      InstanceSession s = instances.assumeRole(request.getInstanceId(), request.getChallenge().toByteArray(),
          request.getSignature().toByteArray(), request.hasDurationSeconds() ? request.getDurationSeconds() : null);
      return AssumeRoleForInstanceResponse.newBuilder().setCredentials(StsMessages.credentials(s.credentials()))
          .setAssumedRoleUser(AssumedRoleUser.newBuilder().setAssumedRoleId(s.assumedRoleId()).setArn(s.arn()))
          .setInstanceProfileArn(s.instanceProfileArn()).build();
    });
  }

  /**
   * An unsigned call: no caller, audited with its peer address and its (non-secret) parameters; the
   * operation is given the same address (for {@code aws:SourceIp}), worked out once.
   */
  private <R> void replyUnsigned(StreamObserver<R> out, String action, Map<String, Object> params,
      Function<String, R> operation) {
    String source = PeerAddresses.current();
    R response = recorder.record(new CallRecorder.Call(DOOR, action, RequestIds.current(), null, source, params),
        () -> operation.apply(source));
    out.onNext(response);
    out.onCompleted();
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

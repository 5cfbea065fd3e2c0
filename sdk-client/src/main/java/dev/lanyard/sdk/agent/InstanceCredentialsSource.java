package dev.lanyard.sdk.agent;

import com.google.protobuf.ByteString;
import dev.lanyard.proto.sts.v1.AssumeRoleForInstanceRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleForInstanceResponse;
import dev.lanyard.proto.sts.v1.GetInstanceChallengeRequest;
import dev.lanyard.proto.sts.v1.GetInstanceChallengeResponse;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.CredentialsProvider;
import java.time.Instant;

/**
 * The instance profile role's credentials, fetched on every {@link #resolve()}: a fresh challenge
 * from GetInstanceChallenge, signed with the host key, exchanged with AssumeRoleForInstance. Put a
 * cache in front. The role's name (for the instance-metadata paths) comes with each answer and is
 * kept with the credentials it came with.
 */
final class InstanceCredentialsSource implements CredentialsProvider {
  private final InstanceCalls calls;
  private final HostKey key;
  private final String instanceId;
  private final Integer durationSeconds;
  private volatile RoleCredentials last;

  /** Credentials and the name of the role they belong to. */
  record RoleCredentials(String roleName, Credentials credentials) {}

  /**
   * @param durationSeconds the session length to ask for, or null for the server's default
   */
  InstanceCredentialsSource(InstanceCalls calls, HostKey key, String instanceId, Integer durationSeconds) {
    this.calls = calls;
    this.key = key;
    this.instanceId = instanceId;
    this.durationSeconds = durationSeconds;
  }

  @Override
  public Credentials resolve() {
    GetInstanceChallengeResponse challenge = InstanceCalls.run("GetInstanceChallenge", () ->
        calls.stub().getInstanceChallenge(GetInstanceChallengeRequest.newBuilder().setInstanceId(instanceId).build()));
    byte[] bytes = challenge.getChallenge().toByteArray();
    AssumeRoleForInstanceRequest.Builder request = AssumeRoleForInstanceRequest.newBuilder()
        .setInstanceId(instanceId).setChallenge(ByteString.copyFrom(bytes))
        .setSignature(ByteString.copyFrom(key.signProof(instanceId, bytes)));
    if (durationSeconds != null) {
      request.setDurationSeconds(durationSeconds);
    }
    AssumeRoleForInstanceResponse r = InstanceCalls.run("AssumeRoleForInstance",
        () -> calls.stub().assumeRoleForInstance(request.build()));
    var c = r.getCredentials();
    Credentials credentials = Credentials.session(c.getAccessKeyId(), c.getSecretAccessKey(), c.getSessionToken(),
        Instant.ofEpochSecond(c.getExpiration().getSeconds(), c.getExpiration().getNanos()));
    last = new RoleCredentials(roleName(r.getAssumedRoleUser().getArn()), credentials);
    return credentials;
  }

  /** The last credentials fetched, with their role's name; null before the first success. */
  RoleCredentials last() {
    return last;
  }

  /** {@code arn:...:assumed-role/<role>/<session>} -> {@code <role>}. */
  static String roleName(String assumedRoleArn) {
    int start = assumedRoleArn.indexOf(":assumed-role/");
    int end = assumedRoleArn.lastIndexOf('/');
    if (start < 0 || end <= start + ":assumed-role/".length()) {
      throw new IllegalStateException("AssumeRoleForInstance answered an assumed-role ARN without a role name: "
          + assumedRoleArn);
    }
    return assumedRoleArn.substring(start + ":assumed-role/".length(), end);
  }

  @Override
  public String toString() {
    return "InstanceCredentialsSource[" + instanceId + "]";
  }
}

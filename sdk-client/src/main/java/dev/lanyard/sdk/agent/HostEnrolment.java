package dev.lanyard.sdk.agent;

import com.google.protobuf.ByteString;
import dev.lanyard.proto.sts.v1.EnrollInstanceRequest;
import dev.lanyard.proto.sts.v1.EnrollInstanceResponse;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Enrols the host once: when {@code instance.json} exists its record is reused (the join token is
 * then not needed); otherwise the join token and the host's public key go to EnrollInstance and the
 * answer is written to {@code instance.json}.
 */
final class HostEnrolment {
  static final String RECORD_FILE = "instance.json";

  private HostEnrolment() {}

  /**
   * @param joinToken needed only when the host has not enrolled yet; may be null afterwards
   */
  static InstanceRecord ensure(Path stateDir, HostKey key, InstanceCalls calls, String joinToken, String hostname) {
    Path file = stateDir.resolve(RECORD_FILE);
    Optional<InstanceRecord> existing = InstanceRecord.read(file);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (joinToken == null || joinToken.isBlank()) {
      throw new IllegalStateException("--join-token: this host has not enrolled yet (no " + file
          + "); pass a join token from 'lanyard iam create-join-token --instance-profile NAME'");
    }
    EnrollInstanceResponse r = InstanceCalls.run("EnrollInstance", () -> calls.stub().enrollInstance(
        EnrollInstanceRequest.newBuilder().setJoinToken(joinToken.strip())
            .setHostPublicKey(ByteString.copyFrom(key.publicKeyDer()))
            .setHostname(hostname == null ? "" : hostname).build()));
    InstanceRecord record = new InstanceRecord(r.getInstanceId(), r.getInstanceProfileArn(),
        r.getRoleArn().isEmpty() ? null : r.getRoleArn(), r.getAccount());
    record.write(file);
    return record;
  }
}

package dev.lanyard.sts.session;

import com.google.protobuf.Timestamp;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleResponse;
import dev.lanyard.proto.sts.v1.AssumeRoleWithSAMLRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithSAMLResponse;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityResponse;
import dev.lanyard.proto.sts.v1.AssumedRoleUser;
import dev.lanyard.proto.sts.v1.Credentials;
import dev.lanyard.proto.sts.v1.FederatedUser;
import dev.lanyard.proto.sts.v1.GetFederationTokenRequest;
import dev.lanyard.proto.sts.v1.GetFederationTokenResponse;
import dev.lanyard.proto.sts.v1.GetSessionTokenRequest;
import dev.lanyard.proto.sts.v1.PolicyDescriptorType;
import dev.lanyard.sts.store.model.Tag;
import dev.lanyard.sts.token.SessionCredentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps the STS gRPC messages to the operations' records and back, and names the audited parameters. */
final class StsMessages {
  private StsMessages() {}

  static AssumeRoleInput assumeRole(AssumeRoleRequest r) {
    return new AssumeRoleInput(r.getRoleArn(), r.getRoleSessionName(),
        policy(r.getPolicy(), r.getPolicyArnsList()),
        r.hasDurationSeconds() ? r.getDurationSeconds() : null,
        new SessionTagsInput(tags(r.getTagsList()), r.getTransitiveTagKeysList()),
        r.getExternalId(), r.getSerialNumber(), r.getTokenCode(), r.getSourceIdentity());
  }

  static WebIdentityInput webIdentity(AssumeRoleWithWebIdentityRequest r) {
    return new WebIdentityInput(r.getRoleArn(), r.getRoleSessionName(), r.getWebIdentityToken(),
        r.getProviderId(), policy(r.getPolicy(), r.getPolicyArnsList()),
        r.hasDurationSeconds() ? r.getDurationSeconds() : null);
  }

  static SamlInput saml(AssumeRoleWithSAMLRequest r) {
    return new SamlInput(r.getRoleArn(), r.getPrincipalArn(), r.getSamlAssertion(),
        policy(r.getPolicy(), r.getPolicyArnsList()), r.hasDurationSeconds() ? r.getDurationSeconds() : null);
  }

  static AssumeRoleWithWebIdentityResponse webIdentity(WebIdentityResult result) {
    AssumeRoleWithWebIdentityResponse.Builder b = AssumeRoleWithWebIdentityResponse.newBuilder()
        .setCredentials(credentials(result.credentials()))
        .setAssumedRoleUser(AssumedRoleUser.newBuilder()
            .setAssumedRoleId(result.assumedRoleId()).setArn(result.arn()))
        .setSubjectFromWebIdentityToken(result.subjectFromWebIdentityToken())
        .setProvider(result.provider())
        .setAudience(result.audience());
    if (result.packedPolicySize() != null) {
      b.setPackedPolicySize(result.packedPolicySize());
    }
    if (result.sourceIdentity() != null) {
      b.setSourceIdentity(result.sourceIdentity());
    }
    return b.build();
  }

  static AssumeRoleWithSAMLResponse saml(SamlResult result) {
    AssumeRoleWithSAMLResponse.Builder b = AssumeRoleWithSAMLResponse.newBuilder()
        .setCredentials(credentials(result.credentials()))
        .setAssumedRoleUser(AssumedRoleUser.newBuilder()
            .setAssumedRoleId(result.assumedRoleId()).setArn(result.arn()))
        .setSubject(result.subject())
        .setSubjectType(result.subjectType())
        .setIssuer(result.issuer())
        .setAudience(result.audience())
        .setNameQualifier(result.nameQualifier());
    if (result.packedPolicySize() != null) {
      b.setPackedPolicySize(result.packedPolicySize());
    }
    if (result.sourceIdentity() != null) {
      b.setSourceIdentity(result.sourceIdentity());
    }
    return b.build();
  }

  /** Audited parameters of AssumeRoleWithWebIdentity: never the token, only its length. */
  static Map<String, Object> auditParameters(AssumeRoleWithWebIdentityRequest r) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("roleArn", r.getRoleArn());
    p.put("roleSessionName", r.getRoleSessionName());
    p.put("webIdentityTokenLength", r.getWebIdentityToken().length());
    if (r.hasDurationSeconds()) {
      p.put("durationSeconds", r.getDurationSeconds());
    }
    putPolicy(p, r.getPolicy(), r.getPolicyArnsList());
    return p;
  }

  /** Audited parameters of AssumeRoleWithSAML: never the assertion, only its length. */
  static Map<String, Object> auditParameters(AssumeRoleWithSAMLRequest r) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("roleArn", r.getRoleArn());
    p.put("principalArn", r.getPrincipalArn());
    p.put("samlAssertionLength", r.getSamlAssertion().length());
    if (r.hasDurationSeconds()) {
      p.put("durationSeconds", r.getDurationSeconds());
    }
    putPolicy(p, r.getPolicy(), r.getPolicyArnsList());
    return p;
  }

  static GetSessionTokenInput getSessionToken(GetSessionTokenRequest r) {
    return new GetSessionTokenInput(r.hasDurationSeconds() ? r.getDurationSeconds() : null,
        r.getSerialNumber(), r.getTokenCode());
  }

  static GetFederationTokenInput getFederationToken(GetFederationTokenRequest r) {
    return new GetFederationTokenInput(r.getName(), policy(r.getPolicy(), r.getPolicyArnsList()),
        r.hasDurationSeconds() ? r.getDurationSeconds() : null,
        new SessionTagsInput(tags(r.getTagsList()), List.of()));
  }

  static AssumeRoleResponse assumeRole(AssumeRoleResult result) {
    AssumeRoleResponse.Builder b = AssumeRoleResponse.newBuilder()
        .setCredentials(credentials(result.credentials()))
        .setAssumedRoleUser(AssumedRoleUser.newBuilder()
            .setAssumedRoleId(result.assumedRoleId()).setArn(result.arn()));
    if (result.packedPolicySize() != null) {
      b.setPackedPolicySize(result.packedPolicySize());
    }
    if (result.sourceIdentity() != null) {
      b.setSourceIdentity(result.sourceIdentity());
    }
    return b.build();
  }

  static GetFederationTokenResponse federationToken(FederationTokenResult result) {
    GetFederationTokenResponse.Builder b = GetFederationTokenResponse.newBuilder()
        .setCredentials(credentials(result.credentials()))
        .setFederatedUser(FederatedUser.newBuilder()
            .setFederatedUserId(result.federatedUserId()).setArn(result.arn()));
    if (result.packedPolicySize() != null) {
      b.setPackedPolicySize(result.packedPolicySize());
    }
    return b.build();
  }

  static Credentials credentials(SessionCredentials c) {
    return Credentials.newBuilder()
        .setAccessKeyId(c.accessKeyId())
        .setSecretAccessKey(c.secretAccessKey().reveal())
        .setSessionToken(c.sessionToken())
        .setExpiration(Timestamp.newBuilder().setSeconds(c.expiration().getEpochSecond())
            .setNanos(c.expiration().getNano()))
        .build();
  }

  /** Audited parameters of AssumeRole: no token code, the policy by its size only. */
  static Map<String, Object> auditParameters(AssumeRoleRequest r) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("roleArn", r.getRoleArn());
    p.put("roleSessionName", r.getRoleSessionName());
    if (r.hasDurationSeconds()) {
      p.put("durationSeconds", r.getDurationSeconds());
    }
    putPolicy(p, r.getPolicy(), r.getPolicyArnsList());
    putTagKeys(p, r.getTagsList());
    if (!r.getSerialNumber().isEmpty()) {
      p.put("serialNumber", r.getSerialNumber());
    }
    if (!r.getExternalId().isEmpty()) {
      p.put("externalId", r.getExternalId());
    }
    if (!r.getSourceIdentity().isEmpty()) {
      p.put("sourceIdentity", r.getSourceIdentity());
    }
    return p;
  }

  static Map<String, Object> auditParameters(GetSessionTokenRequest r) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (r.hasDurationSeconds()) {
      p.put("durationSeconds", r.getDurationSeconds());
    }
    if (!r.getSerialNumber().isEmpty()) {
      p.put("serialNumber", r.getSerialNumber());
    }
    return p;
  }

  static Map<String, Object> auditParameters(GetFederationTokenRequest r) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", r.getName());
    if (r.hasDurationSeconds()) {
      p.put("durationSeconds", r.getDurationSeconds());
    }
    putPolicy(p, r.getPolicy(), r.getPolicyArnsList());
    putTagKeys(p, r.getTagsList());
    return p;
  }

  private static void putPolicy(Map<String, Object> p, String policy, List<PolicyDescriptorType> arns) {
    if (!policy.isEmpty()) {
      p.put("policyLength", policy.length());
    }
    if (!arns.isEmpty()) {
      p.put("policyArns", arns.stream().map(PolicyDescriptorType::getArn).toList());
    }
  }

  private static void putTagKeys(Map<String, Object> p, List<dev.lanyard.proto.common.v1.Tag> tags) {
    if (!tags.isEmpty()) {
      p.put("tagKeys", tags.stream().map(dev.lanyard.proto.common.v1.Tag::getKey).toList());
    }
  }

  private static SessionPolicyInput policy(String policy, List<PolicyDescriptorType> arns) {
    return new SessionPolicyInput(policy, arns.stream().map(PolicyDescriptorType::getArn).toList());
  }

  private static List<Tag> tags(List<dev.lanyard.proto.common.v1.Tag> tags) {
    return tags.stream().map(t -> new Tag(t.getKey(), t.getValue())).toList();
  }
}

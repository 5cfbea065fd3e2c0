package dev.lanyard.sts.session;

import dev.lanyard.sts.token.SessionCredentials;
import java.util.Objects;

/**
 * What AssumeRoleWithSAML returns.
 *
 * @param packedPolicySize present only when a session policy or session tags were given
 * @param subject the assertion's NameID
 * @param subjectType {@code persistent}, {@code transient}, or the NameID Format URI
 * @param issuer the assertion's Issuer
 * @param audience the bearer confirmation's Recipient, as AWS reports it
 * @param nameQualifier {@code Base64(SHA1(issuer + account id + "/" + provider name))}
 * @param sourceIdentity the assertion's SourceIdentity attribute, or null
 */
public record SamlResult(SessionCredentials credentials, String assumedRoleId, String arn,
    Integer packedPolicySize, String subject, String subjectType, String issuer, String audience,
    String nameQualifier, String sourceIdentity) {
  public SamlResult {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(assumedRoleId, "assumedRoleId");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(issuer, "issuer");
  }
}

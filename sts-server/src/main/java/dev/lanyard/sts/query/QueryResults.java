package dev.lanyard.sts.query;

import dev.lanyard.sts.query.QueryXml.Elements;
import dev.lanyard.sts.query.QueryXml.ResultBody;
import dev.lanyard.sts.session.AssumeRoleResult;
import dev.lanyard.sts.session.CallerIdentity;
import dev.lanyard.sts.session.FederationTokenResult;
import dev.lanyard.sts.session.SamlResult;
import dev.lanyard.sts.session.WebIdentityResult;
import dev.lanyard.sts.token.SessionCredentials;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLStreamException;

/**
 * The {@code <ActionResult>} bodies, with AWS's element names and order (STS API reference,
 * 2011-06-15). Optional elements are left out when absent, as AWS leaves them out.
 */
final class QueryResults {
  private QueryResults() {}

  static ResultBody assumeRole(AssumeRoleResult r) {
    return out -> {
      credentials(out, r.credentials());
      out.open("AssumedRoleUser").text("AssumedRoleId", r.assumedRoleId()).text("Arn", r.arn()).close();
      out.text("PackedPolicySize", r.packedPolicySize()).text("SourceIdentity", r.sourceIdentity());
    };
  }

  /** AssumeRoleWithWebIdentity, in the API reference's member order. */
  static ResultBody webIdentity(WebIdentityResult r) {
    return out -> {
      credentials(out, r.credentials());
      out.text("SubjectFromWebIdentityToken", r.subjectFromWebIdentityToken());
      out.open("AssumedRoleUser").text("AssumedRoleId", r.assumedRoleId()).text("Arn", r.arn()).close();
      out.text("PackedPolicySize", r.packedPolicySize()).text("Provider", r.provider())
          .text("Audience", r.audience()).text("SourceIdentity", r.sourceIdentity());
    };
  }

  /** AssumeRoleWithSAML, in the API reference's member order. */
  static ResultBody saml(SamlResult r) {
    return out -> {
      credentials(out, r.credentials());
      out.open("AssumedRoleUser").text("AssumedRoleId", r.assumedRoleId()).text("Arn", r.arn()).close();
      out.text("PackedPolicySize", r.packedPolicySize()).text("Subject", r.subject())
          .text("SubjectType", r.subjectType()).text("Issuer", r.issuer()).text("Audience", r.audience())
          .text("NameQualifier", r.nameQualifier()).text("SourceIdentity", r.sourceIdentity());
    };
  }

  static ResultBody sessionToken(SessionCredentials c) {
    return out -> credentials(out, c);
  }

  static ResultBody federationToken(FederationTokenResult r) {
    return out -> {
      credentials(out, r.credentials());
      out.open("FederatedUser").text("FederatedUserId", r.federatedUserId()).text("Arn", r.arn()).close();
      out.text("PackedPolicySize", r.packedPolicySize());
    };
  }

  static ResultBody callerIdentity(CallerIdentity id) {
    return out -> out.text("UserId", id.userId()).text("Account", id.account()).text("Arn", id.arn());
  }

  static ResultBody accessKeyInfo(String account) {
    return out -> out.text("Account", account);
  }

  static ResultBody decodedMessage(String json) {
    return out -> out.text("DecodedMessage", json);
  }

  /** {@code <Credentials>}: AccessKeyId, SecretAccessKey, SessionToken, Expiration (ISO-8601, Z). */
  static void credentials(Elements out, SessionCredentials c) throws XMLStreamException {
    out.open("Credentials")
        .text("AccessKeyId", c.accessKeyId())
        .text("SecretAccessKey", c.secretAccessKey().reveal())
        .text("SessionToken", c.sessionToken())
        .text("Expiration", timestamp(c.expiration()))
        .close();
  }

  /** AWS's timestamp form: {@code 2011-07-15T23:28:33Z}, whole seconds. */
  static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}

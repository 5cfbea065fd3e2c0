package dev.lanyard.cli.verb;

import java.util.Map;

/** The {@code --help} text of the request fields that many verbs share. */
final class FieldHelp {
  private static final Map<String, String> TEXT = Map.ofEntries(
      Map.entry("role_arn", "the role's ARN, arn:aws:iam::ACCOUNT:role/NAME"),
      Map.entry("role_session_name", "the session's name, 2-64 characters of [\\w+=,.@-]"),
      Map.entry("duration_seconds", "how long the credentials last, in seconds"),
      Map.entry("policy", "an inline session policy, JSON text or file://PATH"),
      Map.entry("policy_arns", "managed policies used as session policies: arn=ARN ..."),
      Map.entry("tags", "tags: Key=KEY,Value=VALUE ..."),
      Map.entry("transitive_tag_keys", "keys of session tags that pass on to chained sessions"),
      Map.entry("external_id", "the external id the role's trust policy expects"),
      Map.entry("serial_number", "the MFA device's serial number (ARN)"),
      Map.entry("token_code", "the MFA device's current six-digit code"),
      Map.entry("source_identity", "the source identity, kept through role chaining"),
      Map.entry("web_identity_token", "the OIDC ID token, or file://PATH of a token file"),
      Map.entry("saml_assertion", "the base64 SAML response, or file://PATH"),
      Map.entry("principal_arn", "the ARN of the registered SAML provider"),
      Map.entry("encoded_message", "the encoded authorisation message of an AccessDenied"),
      Map.entry("user_name", "the user's name"),
      Map.entry("group_name", "the group's name"),
      Map.entry("role_name", "the role's name"),
      Map.entry("policy_name", "the policy's name"),
      Map.entry("policy_arn", "the managed policy's ARN"),
      Map.entry("policy_document", "the policy, JSON text or file://PATH"),
      Map.entry("assume_role_policy_document", "the trust policy, JSON text or file://PATH"),
      Map.entry("permissions_boundary", "ARN of a managed policy used as permissions boundary"),
      Map.entry("path", "the path, / or /a/b/"),
      Map.entry("path_prefix", "only entities whose path starts with this"),
      Map.entry("marker", "the Marker of the previous page"),
      Map.entry("max_items", "at most this many items (1-1000)"),
      Map.entry("access_key_id", "the access key id"),
      Map.entry("instance_profile_name", "the instance profile's name"),
      Map.entry("action", "the action, service:Action (e.g. s3:GetObject)"),
      Map.entry("resource", "the resource ARN, or *"),
      Map.entry("context", "request context keys: KEY=VALUE ... (a key given twice is multi-valued)"),
      Map.entry("resource_policy", "the resource's own policy, JSON text or file://PATH"),
      Map.entry("session_token", "decide for this session token instead of the caller"),
      Map.entry("saml_metadata_document", "the IdP's SAML metadata XML, or file://PATH"),
      Map.entry("url", "the OIDC issuer URL (https)"),
      Map.entry("client_id_list", "the audiences (client ids) accepted"),
      Map.entry("thumbprint_list", "SHA-1 fingerprints (40 hex characters) of the provider's certificate"),
      Map.entry("issued_before", "revoke sessions issued before this ISO-8601 time; default now"));

  private FieldHelp() {}

  /** The help text of {@code field}, or {@code fallback}. */
  static String of(String field, String fallback) {
    return TEXT.getOrDefault(field, fallback);
  }
}

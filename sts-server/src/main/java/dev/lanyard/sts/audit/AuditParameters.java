package dev.lanyard.sts.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps secrets out of audit records: any parameter whose name says it holds a secret (secret keys,
 * session tokens, identity-provider tokens, SAML assertions, MFA codes, passwords, seeds, private
 * keys) is replaced by {@code "***"}, at any depth. Callers should not pass secrets at all; this is
 * the second line.
 */
public final class AuditParameters {
  private static final Set<String> SECRET_NAMES = Set.of(
      "secretaccesskey", "secret_access_key", "sessiontoken", "session_token", "webidentitytoken",
      "web_identity_token", "samlassertion", "saml_assertion", "tokencode", "token_code",
      "authenticationcode1", "authentication_code1", "authenticationcode2", "authentication_code2",
      "password", "seed", "base32stringseed", "base32_string_seed", "privatekey", "private_key",
      "jointoken", "join_token", "token", "authorization", "signature");

  private AuditParameters() {}

  /** Whether a parameter of this name must never be recorded. */
  public static boolean isSecret(String name) {
    return SECRET_NAMES.contains(name.toLowerCase(Locale.ROOT).replace("-", "_"))
        || SECRET_NAMES.contains(name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""));
  }

  /** A copy of {@code parameters} with secrets replaced, immutable. */
  public static Map<String, Object> redact(Map<String, Object> parameters) {
    if (parameters == null || parameters.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    parameters.forEach((k, v) -> out.put(k, isSecret(k) ? "***" : redactValue(v)));
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  private static Object redactValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return redact((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(AuditParameters::redactValue).toList();
    }
    return v;
  }
}

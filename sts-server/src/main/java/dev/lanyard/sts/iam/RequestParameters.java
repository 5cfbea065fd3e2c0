package dev.lanyard.sts.iam;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.lanyard.sts.audit.AuditParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit parameters of a request message: every field that is set, by its proto name, except
 * secrets (MFA codes, tokens, keys: never copied), with long text (policy documents, SAML metadata)
 * summarised by its length.
 */
final class RequestParameters {
  /** Longest text recorded as it is. */
  static final int MAX_TEXT = 256;
  private static final Set<String> NEVER = Set.of("authentication_code1", "authentication_code2",
      "join_token", "secret_access_key", "base32_string_seed", "otpauth_uri");

  private RequestParameters() {}

  static Map<String, Object> of(Message message) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
      String name = e.getKey().getName();
      if (NEVER.contains(name) || AuditParameters.isSecret(name)) {
        continue;
      }
      out.put(name, value(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object value(Object v) {
    if (v instanceof String s) {
      return s.length() > MAX_TEXT ? "(" + s.length() + " characters)" : s;
    }
    if (v instanceof Timestamp t) {
      return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
    }
    if (v instanceof Message m) {
      return of(m);
    }
    if (v instanceof EnumValueDescriptor en) {
      return en.getName();
    }
    if (v instanceof List<?> list) {
      List<Object> items = new ArrayList<>(list.size());
      for (Object item : list) {
        items.add(value(item));
      }
      return items;
    }
    return v;
  }
}

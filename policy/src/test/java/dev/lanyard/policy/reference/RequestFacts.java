package dev.lanyard.policy.reference;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request as the reference interpreter sees it. {@code roleArn} is the role of an
 * assumed-role session (null otherwise); context keys compare case-insensitively; a single value
 * is a list of one; an empty list is treated as an absent key.
 */
public record RequestFacts(
    String principalArn,
    String roleArn,
    String action,
    String resource,
    String resourceAccount,
    Map<String, List<String>> context) {

  public RequestFacts {
    Map<String, List<String>> lower = new TreeMap<>();
    context.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    context = lower;
  }

  /** The values of {@code key}, or null when the request does not have it (an empty list counts as absent). */
  List<String> values(String key) {
    List<String> values = context.get(key.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values;
  }

  /** The 12-digit account of the principal (fifth field of its ARN). */
  String principalAccount() {
    return principalArn.split(":", 6)[4];
  }

  boolean isRoleSession() {
    return principalArn.contains(":assumed-role/");
  }

  boolean isFederatedUser() {
    return principalArn.contains(":federated-user/");
  }

  boolean isUser() {
    return principalArn.contains(":user/");
  }

  /** The role ARN of an assumed-role session: the given one, else built from the session ARN. */
  String sessionRoleArn() {
    if (roleArn != null) {
      return roleArn;
    }
    String roleName = principalArn.substring(principalArn.indexOf(":assumed-role/") + 14).split("/")[0];
    return "arn:aws:iam::" + principalAccount() + ":role/" + roleName;
  }
}

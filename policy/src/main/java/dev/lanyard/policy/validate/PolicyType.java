package dev.lanyard.policy.validate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of policy document, each with its own element rules and size limit. */
public enum PolicyType {
  /** A managed or inline policy attached to a user, group or role. */
  IDENTITY,
  /** A resource-based policy, such as an S3 bucket policy. */
  RESOURCE,
  /** A role trust policy (AssumeRolePolicyDocument). */
  TRUST,
  /** A permissions boundary. */
  BOUNDARY,
  /** A session policy passed to AssumeRole and related calls. */
  SESSION,
  /** An AWS Organizations service control policy. */
  SCP,
  /** An AWS Organizations resource control policy. */
  RCP;

  /** The name used on the command line: {@code identity}, {@code trust}, ... */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code s} on the command line (case-insensitive). */
  public static PolicyType fromCliName(String s) {
    for (PolicyType t : values()) {
      if (t.cliName().equalsIgnoreCase(s == null ? "" : s.trim())) {
        return t;
      }
    }
    throw new IllegalArgumentException("policy type \"" + s + "\" is not known; accepted: "
        + Arrays.stream(values()).map(PolicyType::cliName).collect(Collectors.joining(", ")));
  }
}

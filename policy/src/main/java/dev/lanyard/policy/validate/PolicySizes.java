package dev.lanyard.policy.validate;

import java.util.Objects;

/**
 * AWS policy size limits, in characters with whitespace outside string literals not counted (IAM
 * and STS quotas; Organizations quotas for SCPs and RCPs).
 */
public final class PolicySizes {
  public static final int MANAGED = 6144;
  public static final int INLINE_USER = 2048;
  public static final int INLINE_GROUP = 5120;
  /** Aggregate of all inline policies of a role. */
  public static final int INLINE_ROLE = 10240;
  /** Role trust policy, default quota (can be raised to 4,096). */
  public static final int TRUST = 2048;
  public static final int SESSION = 2048;
  public static final int SCP = 5120;
  public static final int RCP = 5120;
  /** Resource-based policies vary by service; this is the S3 bucket policy limit (20 KB). */
  public static final int RESOURCE = 20480;

  private PolicySizes() {}

  /**
   * The size AWS counts: every character, except JSON whitespace (space, tab, LF, CR) outside
   * string literals. Escapes count as written.
   */
  public static int sizeWithoutWhitespace(String json) {
    Objects.requireNonNull(json, "json");
    int size = 0;
    boolean inString = false;
    boolean escaped = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        size++;
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        size++;
        inString = c == '"';
      }
    }
    return size;
  }

  /** The limit that applies to a policy of type {@code t} when none is given. */
  public static int defaultLimit(PolicyType t) {
    switch (t) {
      case IDENTITY:
      case BOUNDARY:
        return MANAGED;
      case RESOURCE:
        return RESOURCE;
      case TRUST:
        return TRUST;
      case SESSION:
        return SESSION;
      case SCP:
        return SCP;
      case RCP:
        return RCP;
      default:
        throw new IllegalArgumentException("no size limit for policy type " + t);
    }
  }
}

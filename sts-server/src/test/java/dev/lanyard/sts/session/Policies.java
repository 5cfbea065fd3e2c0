package dev.lanyard.sts.session;

/** Small policy documents for tests. */
public final class Policies {
  private Policies() {}

  /** An identity policy with one Allow statement. */
  public static String allow(String action, String resource) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
        + "\",\"Resource\":\"" + resource + "\"}]}";
  }

  /** An identity policy with one Deny statement. */
  public static String deny(String action, String resource) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"" + action
        + "\",\"Resource\":\"" + resource + "\"}]}";
  }

  /** A trust policy allowing {@code actions} (a JSON array body) to an AWS principal, with an optional condition. */
  public static String trust(String awsPrincipal, String actions, String condition) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
        + awsPrincipal + "\"},\"Action\":[" + actions + "]"
        + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
  }

  /** A trust policy allowing only sts:AssumeRole. */
  public static String trust(String awsPrincipal) {
    return trust(awsPrincipal, "\"sts:AssumeRole\"", null);
  }
}

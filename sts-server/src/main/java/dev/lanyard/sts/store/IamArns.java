package dev.lanyard.sts.store;

import java.util.Locale;

/**
 * IAM ARNs in AWS syntax for the server's partition:
 * {@code arn:<partition>:iam::<account>:<type><path><name>}. The store names entities with them and
 * the IAM service authorises actions on them before (or without) reading the entity.
 */
public final class IamArns {
  private final String partition;

  public IamArns(String partition) {
    this.partition = partition;
  }

  public String partition() {
    return partition;
  }

  public String user(String account, String path, String name) {
    return iam(account, "user" + path + name);
  }

  public String group(String account, String path, String name) {
    return iam(account, "group" + path + name);
  }

  public String role(String account, String path, String name) {
    return iam(account, "role" + path + name);
  }

  public String policy(String account, String path, String name) {
    return iam(account, "policy" + path + name);
  }

  public String instanceProfile(String account, String path, String name) {
    return iam(account, "instance-profile" + path + name);
  }

  public String mfa(String account, String path, String name) {
    return iam(account, "mfa" + path + name);
  }

  /** {@code oidc-provider/<host[:port]/path>} of an issuer URL (see {@link #oidcUrlKey}). */
  public String oidcProvider(String account, String url) {
    return iam(account, "oidc-provider/" + oidcUrlKey(url));
  }

  public String samlProvider(String account, String name) {
    return iam(account, "saml-provider/" + name);
  }

  /** Every entity of one type in an account, as list actions are authorised: {@code <type>/*}. */
  public String all(String account, String type) {
    return iam(account, type + "/*");
  }

  /** The account's root user. */
  public String root(String account) {
    return iam(account, "root");
  }

  /**
   * An OIDC provider's identity: its URL without {@code https://} and trailing slashes, lower-cased
   * (AWS provider ARNs and lookups ignore those). Idempotent.
   */
  public static String oidcUrlKey(String url) {
    String bare = url.regionMatches(true, 0, "https://", 0, 8) ? url.substring(8) : url;
    while (bare.endsWith("/")) {
      bare = bare.substring(0, bare.length() - 1);
    }
    return bare.toLowerCase(Locale.ROOT);
  }

  /** The account field of an ARN, or "" when it has none. */
  public static String accountOf(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 ? parts[4] : "";
  }

  private String iam(String account, String resource) {
    return "arn:" + partition + ":iam::" + account + ":" + resource;
  }
}

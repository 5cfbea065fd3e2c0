package dev.lanyard.sts.iam;

/**
 * IAM ARNs in AWS syntax for the server's partition, for authorising an action on the entity it acts
 * on before (or without) reading the entity: {@code arn:<partition>:iam::<account>:<type><path><name>}.
 */
final class IamArns {
  private final String partition;

  IamArns(String partition) {
    this.partition = partition;
  }

  String partition() {
    return partition;
  }

  String user(String account, String path, String name) {
    return iam(account, "user" + path + name);
  }

  String group(String account, String path, String name) {
    return iam(account, "group" + path + name);
  }

  String role(String account, String path, String name) {
    return iam(account, "role" + path + name);
  }

  String policy(String account, String path, String name) {
    return iam(account, "policy" + path + name);
  }

  String instanceProfile(String account, String path, String name) {
    return iam(account, "instance-profile" + path + name);
  }

  String mfa(String account, String path, String name) {
    return iam(account, "mfa" + path + name);
  }

  /** {@code oidc-provider/<host[:port]/path>} of an https issuer URL, trailing slashes removed. */
  String oidcProvider(String account, String url) {
    String bare = url.regionMatches(true, 0, "https://", 0, 8) ? url.substring(8) : url;
    while (bare.endsWith("/")) {
      bare = bare.substring(0, bare.length() - 1);
    }
    return iam(account, "oidc-provider/" + bare.toLowerCase(java.util.Locale.ROOT));
  }

  String samlProvider(String account, String name) {
    return iam(account, "saml-provider/" + name);
  }

  /** Every entity of one type in an account, as list actions are authorised: {@code <type>/*}. */
  String all(String account, String type) {
    return iam(account, type + "/*");
  }

  /** The account's root user. */
  String root(String account) {
    return iam(account, "root");
  }

  /** The account field of an ARN, or "" when it has none. */
  static String accountOf(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 ? parts[4] : "";
  }

  private String iam(String account, String resource) {
    return "arn:" + partition + ":iam::" + account + ":" + resource;
  }
}

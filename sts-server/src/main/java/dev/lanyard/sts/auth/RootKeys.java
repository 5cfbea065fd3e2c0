package dev.lanyard.sts.auth;

/**
 * The account root as a principal: its ARN ({@code arn:PARTITION:iam::ACCOUNT:root}) and how its
 * access keys appear in the store (keys with no owning IAM user).
 */
public final class RootKeys {
  private RootKeys() {}

  /** Whether a stored access key's owner is the account root rather than an IAM user. */
  public static boolean isRootOwner(String userName) {
    return userName == null;
  }

  public static String rootArn(String partition, String accountId) {
    return "arn:" + partition + ":iam::" + accountId + ":root";
  }
}

package dev.lanyard.sts.auth;

/** How the account root's access keys appear in the store: keys with no owning IAM user. */
public final class RootKeys {
  private RootKeys() {}

  /** Whether a stored access key's owner is the account root rather than an IAM user. */
  public static boolean isRootOwner(String userName) {
    return userName == null;
  }

}

package dev.lanyard.sts.auth;

import dev.lanyard.sts.crypto.Secret;

/**
 * A long-term access key as authentication needs it: its owner and its secret (which never prints).
 *
 * @param userName the owning IAM user, or null for the account root's key
 * @param userId the owner's unique id (AIDA…), or the account id for the root
 * @param arn the owner's ARN
 */
public record LongTermKey(String accessKeyId, String accountId, String userName, String userId,
    String arn, boolean active, Secret secret) {
  public boolean root() {
    return userName == null;
  }

  @Override
  public String toString() {
    return "LongTermKey[" + accessKeyId + ", " + arn + (active ? "" : ", inactive") + "]";
  }
}

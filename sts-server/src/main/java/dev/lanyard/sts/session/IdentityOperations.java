package dev.lanyard.sts.session;

import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.auth.LongTermKey;
import dev.lanyard.sts.auth.LongTermKeys;
import dev.lanyard.sts.authz.AccessEvaluator;
import dev.lanyard.sts.authz.AuthorizationMessages;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.util.Optional;

/**
 * The STS operations that describe credentials rather than mint them.
 *
 * <ul>
 *   <li>GetCallerIdentity answers always, needing no permission (as AWS: even an explicit deny of
 *       {@code sts:GetCallerIdentity} does not stop it).
 *   <li>GetAccessKeyInfo ({@code sts:GetAccessKeyInfo}): for a long-term key ({@code AKIA}), the
 *       owner's account from the store. AWS derives the account from any key id; Lanyard's session
 *       key ids ({@code ASIA}) carry no account and sessions are not stored (issuance is
 *       stateless), so for an {@code ASIA} id Lanyard answers only when it is the caller's own
 *       session key, and otherwise refuses with {@code InvalidParameterValue} pointing to Authorize
 *       with the session token.
 *   <li>DecodeAuthorizationMessage ({@code sts:DecodeAuthorizationMessage}).
 * </ul>
 */
public final class IdentityOperations {
  private final LongTermKeys keys;
  private final AccessEvaluator access;
  private final AuthorizationMessages messages;

  public IdentityOperations(LongTermKeys keys, AccessEvaluator access, AuthorizationMessages messages) {
    this.keys = keys;
    this.access = access;
    this.messages = messages;
  }

  public CallerIdentity getCallerIdentity(Caller caller) {
    return new CallerIdentity(caller.userId(), caller.accountId(), caller.arn());
  }

  /** The account that owns {@code accessKeyId}. */
  public String getAccessKeyInfo(Caller caller, String accessKeyId) {
    StsCallerRules.require(caller, "GetAccessKeyInfo");
    String id = ParameterChecks.require("accessKeyId", accessKeyId, 16, 128, ParameterChecks.ACCESS_KEY_ID);
    access.require(caller, "sts:GetAccessKeyInfo", "*");
    if (id.equals(caller.accessKeyId())) {
      return caller.accountId();
    }
    if (id.startsWith("ASIA")) {
      throw new LanyardException(AwsErrorCode.InvalidParameterValue, "AccessKeyId: " + id
          + " is a temporary (session) key id; Lanyard issues sessions without storing them, so it can"
          + " name the account of a session key only for that session's own caller; pass the session"
          + " token to Authorize to learn its principal");
    }
    Optional<LongTermKey> key = keys.find(id);
    return key.map(LongTermKey::accountId).orElseThrow(() -> new LanyardException(
        AwsErrorCode.InvalidParameterValue, "AccessKeyId: no access key " + id
            + " exists in this service; give the id of an existing long-term (AKIA) key"));
  }

  /** The JSON of an encoded authorisation message. */
  public String decodeAuthorizationMessage(Caller caller, String encodedMessage) {
    StsCallerRules.require(caller, "DecodeAuthorizationMessage");
    ParameterChecks.require("encodedMessage", encodedMessage, 1, 10_240, null);
    access.require(caller, "sts:DecodeAuthorizationMessage", "*");
    return messages.decode(encodedMessage);
  }
}

package dev.lanyard.sts.authz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.policy.eval.DecidingStatement;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.keys.DataKey;
import dev.lanyard.sts.keys.LiveKeyRings;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;

/**
 * AWS-style encoded authorisation messages: the decision, the request and its context as JSON
 * (AWS's shape: {@code allowed}, {@code explicitDeny}, {@code matchedStatements}, {@code failures},
 * {@code context}), sealed with AES-GCM under the cluster's current data key so that only Lanyard
 * can read them and any node can decode them. Format: {@code base64url(dataKeyId) "." base64url(sealed)}.
 */
public final class AuthorizationMessages {
  private static final byte[] AAD = "lanyard-authorization-message".getBytes(StandardCharsets.US_ASCII);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LiveKeyRings keys;
  private final SecureRandom random;

  public AuthorizationMessages(LiveKeyRings keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  /** The JSON that the encoded message carries (as {@code DecodeAuthorizationMessage} returns it). */
  public static String describe(Decision decision, String principalArn, String action,
      String resource, RequestContext context) {
    ObjectNode root = JSON.createObjectNode();
    root.put("allowed", decision.outcome() == dev.lanyard.policy.eval.Outcome.ALLOW);
    root.put("explicitDeny", decision.outcome() == dev.lanyard.policy.eval.Outcome.EXPLICIT_DENY);
    ObjectNode matched = root.putObject("matchedStatements");
    ArrayNode items = matched.putArray("items");
    for (DecidingStatement s : decision.statements()) {
      ObjectNode item = items.addObject();
      item.put("policy", s.policy());
      item.put("statementIndex", s.statement());
      if (s.sid() != null) {
        item.put("statementId", s.sid());
      }
    }
    ObjectNode failures = root.putObject("failures");
    ArrayNode failureItems = failures.putArray("items");
    if (decision.missingAllow() != null) {
      failureItems.add("no " + decision.missingAllow() + " allows the action");
    }
    root.put("reason", decision.reason());
    ObjectNode ctx = root.putObject("context");
    ctx.putObject("principal").put("arn", principalArn);
    ctx.put("action", action);
    ctx.put("resource", resource);
    ArrayNode conditions = ctx.putObject("conditions").putArray("items");
    if (context != null) {
      for (String key : context.keys()) {
        ObjectNode c = conditions.addObject();
        c.put("key", key);
        ArrayNode values = c.putObject("values").putArray("items");
        for (String v : context.get(key)) {
          values.addObject().put("value", v);
        }
      }
    }
    return root.toString();
  }

  /** Seals {@code json} into an encoded message. */
  public String encode(String json) {
    DataKey key = keys.current().data().activeKey();
    byte[] sealed = key.seal(json.getBytes(StandardCharsets.UTF_8), AAD, random);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(key.id().getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(sealed);
  }

  /** Opens an encoded message; {@code InvalidAuthorizationMessageException} when it is not one of ours. */
  public String decode(String encoded) {
    int dot = encoded == null ? -1 : encoded.indexOf('.');
    if (dot <= 0 || encoded.length() > 20_000) {
      throw invalid();
    }
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      String keyId = new String(b64.decode(encoded.substring(0, dot)), StandardCharsets.UTF_8);
      Optional<DataKey> key = keys.current().data().key(keyId);
      if (key.isEmpty()) {
        throw invalid();
      }
      byte[] plain = key.get().open(b64.decode(encoded.substring(dot + 1)), AAD);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | AEADBadTagException e) {
      throw invalid();
    }
  }

  private static LanyardException invalid() {
    return new LanyardException(AwsErrorCode.InvalidAuthorizationMessageException,
        "EncodedMessage: not a message issued by this service, or issued under a key that has"
            + " since expired");
  }
}

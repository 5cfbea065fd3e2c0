package dev.lanyard.sdk.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.sdk.verify.SessionTokenRejectedException.Reason;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the claims of a signed session token's payload (the server's {@code SessionTokenFormat}:
 * registered claims plus {@code lan:} private claims). Unknown claims are ignored, so a newer server
 * may add some; known claims of the wrong type, a repeated claim or a missing required claim are
 * {@link Reason#MALFORMED}. The sealed secret ({@code lan:sec}, {@code lan:dk}) is never read.
 */
final class SessionClaimsReader {
  static final String ISSUER = "iss";
  static final String SUBJECT = "sub";
  static final String ISSUED_AT = "iat";
  static final String EXPIRES_AT = "exp";
  static final String PRINCIPAL_TYPE = "lan:pt";
  static final String ACCOUNT = "lan:acct";
  static final String ROLE_ARN = "lan:role";
  static final String ROLE_ID = "lan:rid";
  static final String SESSION_NAME = "lan:sn";
  static final String USER_ID = "lan:uid";
  static final String SOURCE_IDENTITY = "lan:si";
  static final String TAGS = "lan:tags";
  static final String TRANSITIVE_TAG_KEYS = "lan:ttk";
  static final String MFA_AUTH_TIME = "lan:mfa";
  static final String FEDERATION = "lan:fed";
  static final String CHAIN_DEPTH = "lan:cd";
  static final String POLICY = "lan:pol";
  static final String POLICY_ARNS = "lan:parn";
  static final String ACCESS_KEY_ID = "lan:akid";
  static final String SOURCE_ACCESS_KEY_ID = "lan:sakid";

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build());
  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
  private static final Pattern SESSION_ACCESS_KEY_ID = Pattern.compile("ASIA[A-Z2-7]{16}");

  private SessionClaimsReader() {}

  /** The claims of {@code payload}, signed by key {@code kid}. */
  static VerifiedSessionToken.Builder read(byte[] payload, String kid)
      throws SessionTokenRejectedException {
    JsonNode root;
    try {
      root = MAPPER.readTree(payload);
    } catch (IOException e) {
      throw malformed("the payload is not a JSON object or repeats a claim");
    }
    if (root == null || !root.isObject()) {
      throw malformed("the payload is not a JSON object");
    }
    VerifiedSessionToken.Builder token = VerifiedSessionToken.builder();
    token.signingKeyId = kid;
    token.issuer = text(root, ISSUER);
    token.principalArn = text(root, SUBJECT);
    token.issuedAt = Instant.ofEpochSecond(seconds(root, ISSUED_AT, true));
    token.expiresAt = Instant.ofEpochSecond(seconds(root, EXPIRES_AT, true));
    if (!token.expiresAt.isAfter(token.issuedAt)) {
      throw malformed("claim " + EXPIRES_AT + " is not after " + ISSUED_AT);
    }
    token.principalType = PrincipalType.fromAwsName(text(root, PRINCIPAL_TYPE));
    if (token.principalType == null) {
      throw malformed("claim " + PRINCIPAL_TYPE
          + " is not a principal type; Account, User, FederatedUser or AssumedRole is accepted");
    }
    token.accountId = text(root, ACCOUNT);
    if (!ACCOUNT_ID.matcher(token.accountId).matches()) {
      throw malformed("claim " + ACCOUNT + " is not a 12-digit account id");
    }
    token.roleArn = optionalText(root, ROLE_ARN);
    token.roleId = optionalText(root, ROLE_ID);
    if (token.principalType == PrincipalType.ASSUMED_ROLE && token.roleArn == null) {
      throw malformed("claim " + ROLE_ARN + " is missing from a role session");
    }
    token.sessionName = optionalText(root, SESSION_NAME);
    token.userId = text(root, USER_ID);
    token.sourceIdentity = optionalText(root, SOURCE_IDENTITY);
    token.tags = stringMap(root, TAGS);
    token.transitiveTagKeys = stringList(root, TRANSITIVE_TAG_KEYS);
    long mfa = seconds(root, MFA_AUTH_TIME, false);
    token.mfaAuthenticatedAt = mfa < 0 ? null : Instant.ofEpochSecond(mfa);
    token.federation = federation(root);
    token.chainDepth = chainDepth(root);
    token.sessionPolicy = new SessionPolicy(optionalText(root, POLICY), stringList(root, POLICY_ARNS));
    token.accessKeyId = text(root, ACCESS_KEY_ID);
    if (!SESSION_ACCESS_KEY_ID.matcher(token.accessKeyId).matches()) {
      throw malformed("claim " + ACCESS_KEY_ID
          + " is not a session access key id; ASIA followed by 16 of A-Z, 2-7 is accepted");
    }
    token.sourceAccessKeyId = optionalText(root, SOURCE_ACCESS_KEY_ID);
    return token;
  }

  private static String text(JsonNode root, String name) throws SessionTokenRejectedException {
    String value = optionalText(root, name);
    if (value == null || value.isEmpty()) {
      throw malformed("claim " + name + " is missing");
    }
    return value;
  }

  private static String optionalText(JsonNode root, String name)
      throws SessionTokenRejectedException {
    JsonNode node = root.get(name);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw malformed("claim " + name + " is not a string");
    }
    return node.textValue();
  }

  /** Whole seconds since the epoch; -1 when absent and not required. */
  private static long seconds(JsonNode root, String name, boolean required)
      throws SessionTokenRejectedException {
    JsonNode node = root.get(name);
    if (node == null) {
      if (required) {
        throw malformed("claim " + name + " is missing");
      }
      return -1;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()
        || node.longValue() < 0 || node.longValue() > Instant.MAX.getEpochSecond()) {
      throw malformed("claim " + name + " is not a time in whole seconds since the epoch");
    }
    return node.longValue();
  }

  private static int chainDepth(JsonNode root) throws SessionTokenRejectedException {
    JsonNode node = root.get(CHAIN_DEPTH);
    if (node == null) {
      return 0;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
      throw malformed("claim " + CHAIN_DEPTH + " is not a whole number of 0 or more");
    }
    return node.intValue();
  }

  private static Map<String, String> stringMap(JsonNode root, String name)
      throws SessionTokenRejectedException {
    JsonNode node = root.get(name);
    if (node == null) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw malformed("claim " + name + " is not an object");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!entry.getValue().isTextual()) {
        throw malformed("claim " + name + " holds a value that is not a string");
      }
      map.put(entry.getKey(), entry.getValue().textValue());
    }
    return map;
  }

  private static Map<String, List<String>> federation(JsonNode root)
      throws SessionTokenRejectedException {
    JsonNode node = root.get(FEDERATION);
    if (node == null) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw malformed("claim " + FEDERATION + " is not an object");
    }
    Map<String, List<String>> facts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> fact : node.properties()) {
      facts.put(fact.getKey(), List.copyOf(strings(fact.getValue(), FEDERATION + "." + fact.getKey())));
    }
    return facts;
  }

  private static List<String> stringList(JsonNode root, String name)
      throws SessionTokenRejectedException {
    JsonNode node = root.get(name);
    return node == null ? List.of() : strings(node, name);
  }

  private static List<String> strings(JsonNode node, String name)
      throws SessionTokenRejectedException {
    if (!node.isArray()) {
      throw malformed("claim " + name + " is not an array");
    }
    List<String> values = new ArrayList<>(node.size());
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw malformed("claim " + name + " holds an element that is not a string");
      }
      values.add(element.textValue());
    }
    return values;
  }

  private static SessionTokenRejectedException malformed(String problem) {
    return new SessionTokenRejectedException(Reason.MALFORMED,
        "the token is malformed: " + problem + " (InvalidClientTokenId)");
  }
}

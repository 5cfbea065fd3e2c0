package dev.lanyard.sts.token;

import static dev.lanyard.sts.token.SessionTokenFormat.ACCESS_KEY_ID;
import static dev.lanyard.sts.token.SessionTokenFormat.ACCOUNT;
import static dev.lanyard.sts.token.SessionTokenFormat.CHAIN_DEPTH;
import static dev.lanyard.sts.token.SessionTokenFormat.DATA_KEY_ID;
import static dev.lanyard.sts.token.SessionTokenFormat.EXPIRES_AT;
import static dev.lanyard.sts.token.SessionTokenFormat.FEDERATION;
import static dev.lanyard.sts.token.SessionTokenFormat.ISSUED_AT;
import static dev.lanyard.sts.token.SessionTokenFormat.ISSUER;
import static dev.lanyard.sts.token.SessionTokenFormat.MFA_AUTH_TIME;
import static dev.lanyard.sts.token.SessionTokenFormat.POLICY;
import static dev.lanyard.sts.token.SessionTokenFormat.POLICY_ARNS;
import static dev.lanyard.sts.token.SessionTokenFormat.PRINCIPAL_TYPE;
import static dev.lanyard.sts.token.SessionTokenFormat.ROLE_ARN;
import static dev.lanyard.sts.token.SessionTokenFormat.ROLE_ID;
import static dev.lanyard.sts.token.SessionTokenFormat.SEALED_SECRET;
import static dev.lanyard.sts.token.SessionTokenFormat.SESSION_NAME;
import static dev.lanyard.sts.token.SessionTokenFormat.SOURCE_ACCESS_KEY_ID;
import static dev.lanyard.sts.token.SessionTokenFormat.SOURCE_IDENTITY;
import static dev.lanyard.sts.token.SessionTokenFormat.SUBJECT;
import static dev.lanyard.sts.token.SessionTokenFormat.TAGS;
import static dev.lanyard.sts.token.SessionTokenFormat.TRANSITIVE_TAG_KEYS;
import static dev.lanyard.sts.token.SessionTokenFormat.USER_ID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.sts.token.TokenRejectedException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Session claims to and from the token payload JSON ({@link SessionTokenFormat}). */
final class SessionClaimsCodec {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

  private SessionClaimsCodec() {}

  static byte[] encode(SessionClaims claims) {
    SessionGrant g = claims.grant();
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField(ISSUER, claims.issuer());
      json.writeStringField(SUBJECT, g.principalArn());
      json.writeNumberField(ISSUED_AT, claims.issuedAt().getEpochSecond());
      json.writeNumberField(EXPIRES_AT, claims.expiresAt().getEpochSecond());
      json.writeStringField(PRINCIPAL_TYPE, g.principalType().awsName());
      json.writeStringField(ACCOUNT, g.accountId());
      writeOptional(json, ROLE_ARN, g.roleArn());
      writeOptional(json, ROLE_ID, g.roleId());
      writeOptional(json, SESSION_NAME, g.sessionName());
      json.writeStringField(USER_ID, g.userId());
      writeOptional(json, SOURCE_IDENTITY, g.sourceIdentity());
      if (!g.tags().asMap().isEmpty()) {
        json.writeObjectFieldStart(TAGS);
        for (Map.Entry<String, String> tag : g.tags().asMap().entrySet()) {
          json.writeStringField(tag.getKey(), tag.getValue());
        }
        json.writeEndObject();
      }
      writeArray(json, TRANSITIVE_TAG_KEYS, g.tags().transitiveKeys());
      if (g.mfaPresent()) {
        json.writeNumberField(MFA_AUTH_TIME, g.mfaAuthenticatedAt().getEpochSecond());
      }
      if (!g.federation().isEmpty()) {
        json.writeObjectFieldStart(FEDERATION);
        for (Map.Entry<String, List<String>> fact : g.federation().entrySet()) {
          writeArray(json, fact.getKey(), fact.getValue(), true);
        }
        json.writeEndObject();
      }
      if (g.chainDepth() > 0) {
        json.writeNumberField(CHAIN_DEPTH, g.chainDepth());
      }
      writeOptional(json, POLICY, g.sessionPolicy().document());
      writeArray(json, POLICY_ARNS, g.sessionPolicy().managedPolicyArns());
      json.writeStringField(ACCESS_KEY_ID, claims.accessKeyId());
      writeOptional(json, SOURCE_ACCESS_KEY_ID, g.sourceAccessKeyId());
      json.writeStringField(DATA_KEY_ID, claims.sealedSecret().dataKeyId());
      json.writeStringField(SEALED_SECRET, claims.sealedSecret().ciphertext());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("session claims: cannot write JSON", e);
    }
    return out.toByteArray();
  }

  /**
   * The claims in this payload. Unknown claims are ignored (a newer node may add some); known
   * claims of the wrong type, duplicate claims and claims that break {@link SessionGrant}'s rules
   * are MALFORMED.
   */
  static SessionClaims decode(byte[] payload) throws TokenRejectedException {
    JsonNode root;
    try {
      root = MAPPER.readTree(payload);
    } catch (IOException e) {
      throw malformed("the payload is not a JSON object or repeats a claim");
    }
    if (root == null || !root.isObject()) {
      throw malformed("the payload is not a JSON object");
    }
    try {
      SessionPrincipalType type = SessionPrincipalType.fromAwsName(text(root, PRINCIPAL_TYPE));
      if (type == null) {
        throw malformed("claim " + PRINCIPAL_TYPE + " is not a known principal type");
      }
      Long mfa = optionalSeconds(root, MFA_AUTH_TIME);
      SessionGrant.Builder grant = SessionGrant.builder()
          .principalType(type)
          .principalArn(text(root, SUBJECT))
          .accountId(text(root, ACCOUNT))
          .role(optionalText(root, ROLE_ARN), optionalText(root, ROLE_ID))
          .sessionName(optionalText(root, SESSION_NAME))
          .userId(text(root, USER_ID))
          .sourceIdentity(optionalText(root, SOURCE_IDENTITY))
          .tags(SessionTags.of(stringMap(root, TAGS), stringList(root, TRANSITIVE_TAG_KEYS)))
          .mfa(mfa == null ? null : Instant.ofEpochSecond(mfa))
          .chainDepth(optionalInt(root, CHAIN_DEPTH))
          .sessionPolicy(new SessionPolicy(optionalText(root, POLICY), stringList(root, POLICY_ARNS)))
          .sourceAccessKeyId(optionalText(root, SOURCE_ACCESS_KEY_ID));
      JsonNode federation = root.get(FEDERATION);
      if (federation != null) {
        if (!federation.isObject()) {
          throw malformed("claim " + FEDERATION + " is not an object");
        }
        for (Map.Entry<String, JsonNode> fact : federation.properties()) {
          grant.federationFact(fact.getKey(), strings(fact.getValue(), FEDERATION + "." + fact.getKey()));
        }
      }
      return new SessionClaims(
          text(root, ISSUER),
          grant.build(),
          Instant.ofEpochSecond(seconds(root, ISSUED_AT)),
          Instant.ofEpochSecond(seconds(root, EXPIRES_AT)),
          text(root, ACCESS_KEY_ID),
          new SealedSecret(text(root, DATA_KEY_ID), text(root, SEALED_SECRET)));
    } catch (IllegalArgumentException | NullPointerException e) {
      String message = String.valueOf(e.getMessage());
      int colon = message.indexOf(':');
      throw malformed("its claims break the session rules"
          + (colon > 0 ? " at " + message.substring(0, colon) : ""));
    }
  }

  private static void writeOptional(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }

  private static void writeArray(JsonGenerator json, String name, Collection<String> values)
      throws IOException {
    writeArray(json, name, values, false);
  }

  private static void writeArray(
      JsonGenerator json, String name, Collection<String> values, boolean evenIfEmpty)
      throws IOException {
    if (values.isEmpty() && !evenIfEmpty) {
      return;
    }
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static String text(JsonNode root, String name) throws TokenRejectedException {
    String value = optionalText(root, name);
    if (value == null) {
      throw malformed("claim " + name + " is missing");
    }
    return value;
  }

  private static String optionalText(JsonNode root, String name) throws TokenRejectedException {
    JsonNode node = root.get(name);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw malformed("claim " + name + " is not a string");
    }
    return node.textValue();
  }

  private static long seconds(JsonNode root, String name) throws TokenRejectedException {
    Long value = optionalSeconds(root, name);
    if (value == null) {
      throw malformed("claim " + name + " is missing");
    }
    return value;
  }

  private static Long optionalSeconds(JsonNode root, String name) throws TokenRejectedException {
    JsonNode node = root.get(name);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()
        || node.longValue() < 0 || node.longValue() > Instant.MAX.getEpochSecond()) {
      throw malformed("claim " + name + " is not a time in whole seconds");
    }
    return node.longValue();
  }

  private static int optionalInt(JsonNode root, String name) throws TokenRejectedException {
    JsonNode node = root.get(name);
    if (node == null) {
      return 0;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw malformed("claim " + name + " is not a whole number");
    }
    return node.intValue();
  }

  private static Map<String, String> stringMap(JsonNode root, String name)
      throws TokenRejectedException {
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

  private static List<String> stringList(JsonNode root, String name) throws TokenRejectedException {
    JsonNode node = root.get(name);
    return node == null ? List.of() : strings(node, name);
  }

  private static List<String> strings(JsonNode node, String name) throws TokenRejectedException {
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

  private static TokenRejectedException malformed(String problem) {
    return new TokenRejectedException(Reason.MALFORMED,
        "the session token is malformed: " + problem + " (InvalidClientTokenId)");
  }
}

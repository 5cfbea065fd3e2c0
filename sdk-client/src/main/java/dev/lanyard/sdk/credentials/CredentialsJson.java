package dev.lanyard.sdk.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the JSON credentials documents of the AWS ecosystem (credential_process Version 1, the
 * container endpoint, instance metadata). Errors name the source and the field, never a value.
 */
final class CredentialsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CredentialsJson() {}

  static JsonNode read(String body, String source) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new CredentialsUnavailableException(source + ": the answer is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new CredentialsUnavailableException(source + ": the answer is not valid JSON (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }
  }

  /**
   * @param tokenField the session token's field: {@code SessionToken} or {@code Token}
   * @param tokenRequired whether a session token (and an expiration) must be present
   */
  static Credentials credentials(JsonNode node, String source, String tokenField, boolean tokenRequired) {
    String id = text(node, "AccessKeyId", source, true);
    String secret = text(node, "SecretAccessKey", source, true);
    String token = text(node, tokenField, source, tokenRequired);
    String expiration = text(node, "Expiration", source, tokenRequired);
    Instant expires = expiration == null ? null : instant(expiration, source);
    try {
      return new Credentials(id, secret, token, expires);
    } catch (IllegalArgumentException e) {
      throw new CredentialsUnavailableException(source + ": AccessKeyId is not a usable access key id");
    }
  }

  static String text(JsonNode node, String field, String source, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
      if (required) {
        throw new CredentialsUnavailableException(source + ": the field " + field + " is missing");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new CredentialsUnavailableException(source + ": the field " + field + " must be a string");
    }
    return value.asText();
  }

  static Instant instant(String value, String source) {
    try {
      return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new CredentialsUnavailableException(
          source + ": Expiration must be an ISO-8601 time such as 2026-01-01T00:00:00Z, got '" + value + "'");
    }
  }
}

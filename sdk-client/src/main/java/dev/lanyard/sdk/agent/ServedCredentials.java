package dev.lanyard.sdk.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.sdk.credentials.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * One set of role credentials as the endpoints serve them, built once when the credentials change
 * so that a request only copies bytes: the JSON document (instance-metadata fields {@code Code},
 * {@code LastUpdated}, {@code Type}, {@code AccessKeyId}, {@code SecretAccessKey}, {@code Token},
 * {@code Expiration}, which container-endpoint readers accept too) and the role name. Holds
 * secrets: {@link #toString()} shows the access key id and times only.
 */
final class ServedCredentials {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String roleName;
  private final byte[] roleNameBytes;
  private final Credentials credentials;
  private final long expiresAtMillis;
  private final byte[] document;

  private ServedCredentials(String roleName, Credentials credentials, byte[] document) {
    this.roleName = roleName;
    this.roleNameBytes = roleName.getBytes(StandardCharsets.UTF_8);
    this.credentials = credentials;
    this.expiresAtMillis = credentials.expiration().toEpochMilli();
    this.document = document;
  }

  static ServedCredentials of(String roleName, Credentials credentials, Instant lastUpdated) {
    if (credentials.expiration() == null || credentials.sessionToken() == null) {
      throw new IllegalArgumentException("credentials: the agent serves session credentials with an expiration");
    }
    ObjectNode node = JSON.createObjectNode()
        .put("Code", "Success")
        .put("LastUpdated", time(lastUpdated))
        .put("Type", "AWS-HMAC")
        .put("AccessKeyId", credentials.accessKeyId())
        .put("SecretAccessKey", credentials.secretAccessKey())
        .put("Token", credentials.sessionToken())
        .put("Expiration", time(credentials.expiration()));
    try {
      return new ServedCredentials(roleName, credentials, JSON.writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the credentials document could not be written", e);
    }
  }

  private static String time(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  String roleName() {
    return roleName;
  }

  /** The role name's UTF-8 bytes (shared: do not modify). */
  byte[] roleNameBytes() {
    return roleNameBytes;
  }

  Credentials credentials() {
    return credentials;
  }

  /** The JSON document's bytes (shared: do not modify). */
  byte[] document() {
    return document;
  }

  boolean usableAt(long nowMillis) {
    return nowMillis < expiresAtMillis;
  }

  @Override
  public String toString() {
    return "ServedCredentials[role=" + roleName + ", accessKeyId=" + credentials.accessKeyId()
        + ", expiration=" + credentials.expiration() + "]";
  }
}

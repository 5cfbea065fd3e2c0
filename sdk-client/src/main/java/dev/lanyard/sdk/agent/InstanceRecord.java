package dev.lanyard.sdk.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What enrolment gave this host, kept in {@code <state-dir>/instance.json} so that a restart reuses
 * it instead of enrolling again. Nothing here is secret.
 *
 * @param instanceId {@code i-} and 17 lowercase hex digits
 * @param roleArn the instance profile's role at enrolment, or null when it had none
 */
public record InstanceRecord(String instanceId, String instanceProfileArn, String roleArn, String account) {
  private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{17}");
  private static final ObjectMapper JSON = new ObjectMapper();

  public InstanceRecord {
    if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
      throw new IllegalArgumentException("instanceId: must be i- and 17 lowercase hex digits, got '" + instanceId + "'");
    }
    Objects.requireNonNull(instanceProfileArn, "instanceProfileArn");
    Objects.requireNonNull(account, "account");
  }

  /** The record in {@code file}, or empty when the file does not exist. */
  public static Optional<InstanceRecord> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      return Optional.of(new InstanceRecord(text(node, "instanceId"), text(node, "instanceProfileArn"),
          node.hasNonNull("roleArn") ? node.get("roleArn").asText() : null, text(node, "account")));
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new IllegalStateException(file + ": is not an instance record (" + e.getMessage()
          + "); move it away to enrol again with a new join token", e);
    }
  }

  /** Writes the record to {@code file} atomically, mode 0600. */
  public void write(Path file) {
    ObjectNode node = JSON.createObjectNode().put("instanceId", instanceId)
        .put("instanceProfileArn", instanceProfileArn).put("account", account);
    if (roleArn != null) {
      node.put("roleArn", roleArn);
    }
    try {
      PrivateFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be written", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("the field " + field + " is missing");
    }
    return value.asText();
  }
}

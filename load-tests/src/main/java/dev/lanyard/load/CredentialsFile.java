package dev.lanyard.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.sdk.credentials.Credentials;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The credentials the load generator starts from, read from a JSON file of the shape of a node's
 * {@code root-credentials.json}: {@code accountId}, {@code accessKeyId}, {@code secretAccessKey}.
 * {@link #toString()} never shows the secret.
 *
 * @param accountId the account of the key, 12 digits
 * @param credentials the long-term key
 */
public record CredentialsFile(String accountId, Credentials credentials) {

  /**
   * Reads the file.
   *
   * @throws IllegalArgumentException naming the file and the missing or malformed field
   */
  public static CredentialsFile read(Path file) {
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("--credentials: cannot read " + file + " as JSON: "
          + e.getClass().getSimpleName());
    }
    String account = text(json, "accountId", file);
    if (!account.matches("[0-9]{12}")) {
      throw new IllegalArgumentException("--credentials: " + file + ": accountId '" + account
          + "' is not an account id; 12 digits are accepted");
    }
    return new CredentialsFile(account,
        Credentials.longTerm(text(json, "accessKeyId", file), text(json, "secretAccessKey", file)));
  }

  private static String text(JsonNode json, String field, Path file) {
    JsonNode node = json == null ? null : json.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new IllegalArgumentException("--credentials: " + file + " has no " + field
          + "; the file must hold accountId, accessKeyId and secretAccessKey as strings");
    }
    return node.asText();
  }

  @Override
  public String toString() {
    return "CredentialsFile[account " + accountId + ", key " + credentials.accessKeyId() + "]";
  }
}

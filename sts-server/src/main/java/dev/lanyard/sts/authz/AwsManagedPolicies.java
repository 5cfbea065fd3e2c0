package dev.lanyard.sts.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The AWS managed policies shipped with the server (1,523 documents, by name), so that
 * {@code arn:aws:iam::aws:policy/ReadOnlyAccess} (with or without a path) can be attached and
 * evaluated exactly as on AWS. Loaded once, on first use.
 */
public final class AwsManagedPolicies {
  private static final String RESOURCE = "aws-managed-policies.jsonl.gz";
  private static volatile Map<String, String> byName;

  private AwsManagedPolicies() {}

  /** Whether the ARN names an AWS managed policy ({@code arn:PARTITION:iam::aws:policy/...}). */
  public static boolean isAwsManagedArn(String arn) {
    int i = arn.indexOf(":iam::aws:policy/");
    return arn.startsWith("arn:") && i > 4 && arn.indexOf(':', 4) == i;
  }

  /** The policy's name: the last segment of its ARN's path. */
  public static String nameOf(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  /** The default version's document of the AWS managed policy with this ARN. */
  public static Optional<String> document(String arn) {
    return Optional.ofNullable(all().get(nameOf(arn)));
  }

  /** How many policies are bundled. */
  public static int count() {
    return all().size();
  }

  private static Map<String, String> all() {
    Map<String, String> m = byName;
    if (m == null) {
      synchronized (AwsManagedPolicies.class) {
        m = byName;
        if (m == null) {
          m = load();
          byName = m;
        }
      }
    }
    return m;
  }

  private static Map<String, String> load() {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> m = new HashMap<>(2048);
    try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled resource " + RESOURCE + " is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
          StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = json.readTree(line);
        JsonNode doc = o.get("document");
        m.put(o.get("name").asText(), doc.isTextual() ? doc.asText() : doc.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the bundled AWS managed policies", e);
    }
    return Map.copyOf(m);
  }
}

package dev.lanyard.sdk.signing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One known-answer vector of {@code sigv4-test-suite.txt}; see the file's header for its format. */
record SigV4Vector(
    String name,
    String service,
    SignableRequest request,
    String sessionToken,
    String canonicalRequest,
    String stringToSign,
    String signature) {

  static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

  @Override
  public String toString() {
    return name;
  }

  static List<SigV4Vector> load(String resource) {
    try (InputStream in = SigV4Vector.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<SigV4Vector> parse(BufferedReader reader) throws IOException {
    List<SigV4Vector> vectors = new ArrayList<>();
    Map<String, String> fields = null;
    List<String[]> queries = new ArrayList<>();
    List<String[]> headers = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith("=== ")) {
        if (fields != null) {
          vectors.add(build(fields, queries, headers));
        }
        fields = new LinkedHashMap<>();
        fields.put("name", line.substring(4).strip());
        queries = new ArrayList<>();
        headers = new ArrayList<>();
      } else if (line.isBlank() || line.startsWith("#")) {
        continue;
      } else if (line.endsWith("<<")) {
        StringBuilder block = new StringBuilder();
        String next;
        while (!(next = reader.readLine()).equals(">>")) {
          block.append(block.length() == 0 ? "" : "\n").append(next);
        }
        fields.put(line.substring(0, line.length() - 2), block.toString());
      } else {
        int colon = line.indexOf(": ");
        String key = line.substring(0, colon);
        String value = line.substring(colon + 2);
        switch (key) {
          case "query" -> queries.add(value.split("=", 2));
          case "header" -> headers.add(value.split(":", 2));
          default -> fields.put(key, value);
        }
      }
    }
    if (fields != null) {
      vectors.add(build(fields, queries, headers));
    }
    return vectors;
  }

  private static SigV4Vector build(
      Map<String, String> fields, List<String[]> queries, List<String[]> headers) {
    SignableRequest.Builder request = SignableRequest.builder(fields.get("method"), fields.get("path"));
    queries.forEach(q -> request.queryParameter(q[0], q[1]));
    headers.forEach(h -> request.header(h[0], h[1]));
    request.payload(fields.getOrDefault("body", "").getBytes(StandardCharsets.UTF_8));
    SigV4Vector vector =
        new SigV4Vector(
            fields.get("name"),
            fields.getOrDefault("service", "service"),
            request.build(),
            fields.get("token"),
            fields.get("canonical-request"),
            fields.get("string-to-sign"),
            fields.get("signature"));
    if (vector.canonicalRequest == null && vector.stringToSign == null && vector.signature == null) {
      throw new IllegalStateException(vector.name + " states no expected value");
    }
    return vector;
  }
}

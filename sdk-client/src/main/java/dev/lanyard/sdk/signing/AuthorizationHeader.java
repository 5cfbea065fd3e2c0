package dev.lanyard.sdk.signing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The value of a SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/yyyyMMdd/region/service/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=<64 hex>}.
 *
 * @param accessKeyId the access key id named in the credential
 * @param scope the credential scope
 * @param signedHeaders lower-case header names, sorted, without duplicates
 * @param signature lower-case hex HMAC-SHA256
 */
public record AuthorizationHeader(
    String accessKeyId, CredentialScope scope, List<String> signedHeaders, String signature) {
  /** The only algorithm accepted. */
  public static final String ALGORITHM = "AWS4-HMAC-SHA256";

  /** The header that carries it. */
  public static final String HEADER = "authorization";

  private static final List<String> PARAMETERS = List.of("Credential", "SignedHeaders", "Signature");

  public AuthorizationHeader {
    if (accessKeyId == null
        || accessKeyId.isEmpty()
        || !printable(accessKeyId, "/,")) {
      throw incomplete(
          "Credential: the access key id must be non-empty printable ASCII without '/', ',' or "
              + "spaces, got " + Untrusted.quote(accessKeyId));
    }
    Objects.requireNonNull(scope, "scope");
    signedHeaders = List.copyOf(signedHeaders);
    requireCanonical(signedHeaders);
    if (!Canonicalization.isLowerHex256(signature)) {
      throw incomplete(
          "Signature: must be 64 lower-case hex digits, got " + Untrusted.quote(signature));
    }
  }

  /**
   * Parses a header value. Parameters may be separated by {@code ,} with or without spaces; each
   * must appear exactly once.
   *
   * @throws InvalidSignatureException ({@code IncompleteSignature}) naming what is missing or wrong
   */
  public static AuthorizationHeader parse(String value) {
    if (value == null || value.isBlank()) {
      throw incomplete("Authorization: the header is empty; expected '" + ALGORITHM
          + " Credential=..., SignedHeaders=..., Signature=...'");
    }
    String trimmed = value.strip();
    int space = indexOfWhitespace(trimmed);
    String algorithm = space < 0 ? trimmed : trimmed.substring(0, space);
    if (!ALGORITHM.equals(algorithm)) {
      throw incomplete(
          "Authorization: unsupported algorithm " + Untrusted.quote(algorithm)
              + "; only " + ALGORITHM + " is accepted");
    }
    Map<String, String> parameters = parameters(space < 0 ? "" : trimmed.substring(space + 1));
    List<String> missing = new ArrayList<>();
    for (String name : PARAMETERS) {
      if (!parameters.containsKey(name)) {
        missing.add("Authorization header requires '" + name + "' parameter.");
      }
    }
    if (!missing.isEmpty()) {
      throw incomplete(String.join(" ", missing));
    }
    String credential = parameters.get("Credential");
    int slash = credential.indexOf('/');
    if (slash <= 0) {
      throw incomplete(
          "Credential: must be AKID/yyyyMMdd/region/service/aws4_request, got "
              + Untrusted.quote(credential));
    }
    CredentialScope scope = CredentialScope.parse(credential.substring(slash + 1));
    String names = parameters.get("SignedHeaders");
    List<String> signedHeaders = names.isEmpty() ? List.of() : Arrays.asList(names.split(";", -1));
    return new AuthorizationHeader(
        credential.substring(0, slash), scope, signedHeaders, parameters.get("Signature"));
  }

  /** The signed header names joined with {@code ;}. */
  public String signedHeadersString() {
    return String.join(";", signedHeaders);
  }

  /** The header value, as AWS SDKs write it. */
  public String format() {
    return ALGORITHM + " Credential=" + accessKeyId + '/' + scope + ", SignedHeaders="
        + signedHeadersString() + ", Signature=" + signature;
  }

  @Override
  public String toString() {
    return format();
  }

  private static Map<String, String> parameters(String text) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String part : text.split(",", -1)) {
      String component = part.strip();
      if (component.isEmpty() && text.isBlank()) {
        continue;
      }
      int equals = component.indexOf('=');
      String name = equals < 0 ? component : component.substring(0, equals);
      if (equals < 0 || !PARAMETERS.contains(name)) {
        throw incomplete(
            "Authorization: " + Untrusted.quote(component)
                + " is not one of Credential=, SignedHeaders=, Signature=");
      }
      if (parameters.put(name, component.substring(equals + 1)) != null) {
        throw incomplete("Authorization: parameter '" + name + "' appears more than once");
      }
    }
    return parameters;
  }

  private static void requireCanonical(List<String> names) {
    if (names.isEmpty()) {
      throw incomplete("SignedHeaders: must name at least 'host' and 'x-amz-date', got none");
    }
    String previous = null;
    for (String name : names) {
      boolean token = !name.isEmpty() && printable(name, ";");
      if (!token || !name.equals(name.toLowerCase(Locale.ROOT))
          || (previous != null && previous.compareTo(name) >= 0)) {
        throw incomplete(
            "SignedHeaders: must be lower-case header names separated by ';', sorted and without "
                + "duplicates, got " + Untrusted.quote(String.join(";", names)));
      }
      previous = name;
    }
  }

  /** Whether every character is printable ASCII other than a space and those in {@code excluded}. */
  private static boolean printable(String text, String excluded) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 0x7f || excluded.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static int indexOfWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static InvalidSignatureException incomplete(String message) {
    return new InvalidSignatureException(InvalidSignatureException.Reason.INCOMPLETE_SIGNATURE, message);
  }
}

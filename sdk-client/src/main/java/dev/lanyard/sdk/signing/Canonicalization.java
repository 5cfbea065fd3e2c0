package dev.lanyard.sdk.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The canonical forms of SigV4 (AWS "Create a canonical request"), public so that a server
 * verifies with exactly the code a client signs with.
 *
 * <ul>
 *   <li>URI encoding: every UTF-8 byte except the unreserved {@code A-Z a-z 0-9 - _ . ~} becomes
 *       {@code %XY} with upper-case hex; a space is {@code %20}, never {@code +}.
 *   <li>Canonical URI: the path as sent on the wire, dot segments removed (RFC 3986 5.2.4), then
 *       URI-encoded once more with {@code /} kept. The path is thus encoded twice, as AWS requires
 *       for every service but S3; an empty path is {@code /}. Repeated slashes are kept.
 *   <li>Canonical query: names and values (given decoded) URI-encoded, pairs sorted by encoded name
 *       then encoded value, {@code name=value} joined with {@code &}; an empty value gives
 *       {@code name=}.
 *   <li>Canonical header value: leading and trailing whitespace removed and each run of inner
 *       whitespace collapsed to one space; repeated headers joined with {@code ,} in order.
 * </ul>
 */
public final class Canonicalization {
  /** Hex SHA-256 of the empty payload. */
  public static final String EMPTY_PAYLOAD_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final HexFormat HEX = HexFormat.of();
  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
  /** One digest per thread: looking up the provider costs more than hashing a request. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Canonicalization::newSha256);

  private Canonicalization() {}

  /** URI-encodes a value; {@code /} is kept when {@code keepSlash}, else encoded as {@code %2F}. */
  public static String uriEncode(String value, boolean keepSlash) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c) || (keepSlash && c == '/')) {
        out.append((char) c);
      } else {
        out.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /** The canonical URI of a path as sent on the wire (still percent-encoded). */
  public static String canonicalUri(String path) {
    return uriEncode(removeDotSegments(path), true);
  }

  /**
   * RFC 3986 section 5.2.4 {@code remove_dot_segments}, on an absolute path; {@code ""} becomes
   * {@code "/"} and a path without a leading slash gets one.
   */
  public static String removeDotSegments(String path) {
    String input = path.isEmpty() || path.charAt(0) != '/' ? "/" + path : path;
    StringBuilder output = new StringBuilder(input.length());
    while (!input.isEmpty()) {
      if (input.startsWith("../")) {
        input = input.substring(3);
      } else if (input.startsWith("./")) {
        input = input.substring(2);
      } else if (input.startsWith("/./")) {
        input = input.substring(2);
      } else if (input.equals("/.")) {
        input = "/";
      } else if (input.startsWith("/../")) {
        input = input.substring(3);
        removeLastSegment(output);
      } else if (input.equals("/..")) {
        input = "/";
        removeLastSegment(output);
      } else if (input.equals(".") || input.equals("..")) {
        input = "";
      } else {
        int next = input.indexOf('/', input.charAt(0) == '/' ? 1 : 0);
        int end = next < 0 ? input.length() : next;
        output.append(input, 0, end);
        input = input.substring(end);
      }
    }
    return output.length() == 0 ? "/" : output.toString();
  }

  private static void removeLastSegment(StringBuilder output) {
    int slash = output.lastIndexOf("/");
    output.setLength(Math.max(slash, 0));
  }

  /** The canonical query string of decoded parameters (a multi-map; order does not matter). */
  public static String canonicalQueryString(Map<String, List<String>> parameters) {
    List<String[]> pairs = new ArrayList<>();
    parameters.forEach(
        (name, values) -> {
          String encodedName = uriEncode(name, false);
          for (String value : values) {
            pairs.add(new String[] {encodedName, uriEncode(value, false)});
          }
        });
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder out = new StringBuilder();
    for (String[] pair : pairs) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(pair[0]).append('=').append(pair[1]);
    }
    return out.toString();
  }

  /** The canonical value of a header that appeared once per element of {@code values}. */
  public static String canonicalHeaderValue(List<String> values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(trimAll(values.get(i)));
    }
    return out.toString();
  }

  /** Removes leading and trailing whitespace and collapses inner runs of whitespace to one space. */
  public static String trimAll(String value) {
    StringBuilder out = new StringBuilder(value.length());
    boolean pendingSpace = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isWhitespace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Lower-case hex SHA-256 of bytes. */
  public static String sha256Hex(byte[] bytes) {
    return HEX.formatHex(sha256(bytes));
  }

  /** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether a value is 64 lower-case hex digits, as a SHA-256 or a signature is written. */
  public static boolean isLowerHex256(String value) {
    if (value == null || value.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  private static byte[] sha256(byte[] bytes) {
    return SHA_256.get().digest(bytes);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b';
  }
}

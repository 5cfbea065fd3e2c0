package dev.lanyard.sts.token;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * How much of the packed-size allowance a session's policy and tags use, as AWS reports it in
 * {@code PackedPolicySize}. AWS packs the session policy, managed policy ARNs and session tags into
 * an undisclosed compressed binary form; Lanyard defines its own, reproducibly:
 *
 * <pre>
 * packed text  = [minified inline policy "\n"]
 *                (managed policy ARN "\n")*            in request order
 *                (tag key "=" tag value "\n")*         sorted by lower-cased key
 *                (transitive tag key "\n")*            sorted by lower-cased key
 * packedBytes  = length of the raw DEFLATE (RFC 1951, level 9, no zlib header) of the UTF-8 text;
 *                0 when there is no policy and no tag
 * percent      = ceil(100 * packedBytes / limitBytes), limitBytes = 2,048 by default
 * </pre>
 *
 * <p>Over 100 % the request fails with PackedPolicyTooLarge. For scale: a 2,000-character policy
 * packs to about 300 bytes (15 %), 50 tags with 30-character values to about 1,150 bytes (56 %),
 * 50 tags of the maximum sizes to over 500 %. Sizes may differ by a few bytes between zlib builds.
 *
 * @param packedBytes the compressed size
 * @param limitBytes the allowance
 */
public record PackedPolicySize(int packedBytes, int limitBytes) {
  /** The default allowance, in compressed bytes. */
  public static final int DEFAULT_LIMIT_BYTES = 2_048;

  public PackedPolicySize {
    if (packedBytes < 0 || limitBytes <= 0) {
      throw new IllegalArgumentException("packed policy size: packedBytes must be 0 or more and "
          + "limitBytes more than 0, got " + packedBytes + " and " + limitBytes);
    }
  }

  /** The packed size of this policy and these tags against the default allowance. */
  public static PackedPolicySize measure(SessionPolicy policy, SessionTags tags) {
    return measure(policy, tags, DEFAULT_LIMIT_BYTES);
  }

  /** The packed size of this policy and these tags against {@code limitBytes}. */
  public static PackedPolicySize measure(SessionPolicy policy, SessionTags tags, int limitBytes) {
    if (policy.isEmpty() && tags.isEmpty()) {
      return new PackedPolicySize(0, limitBytes);
    }
    return new PackedPolicySize(deflatedLength(packedText(policy, tags)), limitBytes);
  }

  /** The share of the allowance used, rounded up: what AWS returns as {@code PackedPolicySize}. */
  public int percent() {
    return (int) ((packedBytes * 100L + limitBytes - 1) / limitBytes);
  }

  /** Whether the request must fail with PackedPolicyTooLarge. */
  public boolean exceedsLimit() {
    return packedBytes > limitBytes;
  }

  /** The caller-facing explanation when {@link #exceedsLimit()}, in AWS's words plus the figures. */
  public String problem() {
    return "Policy, PolicyArns and Tags: packed policy consumes " + percent()
        + "% of allotted space (" + packedBytes + " of " + limitBytes
        + " packed bytes); use a smaller session policy or fewer, shorter session tags "
        + "(PackedPolicyTooLarge)";
  }

  static String packedText(SessionPolicy policy, SessionTags tags) {
    StringBuilder text = new StringBuilder();
    if (policy.document() != null) {
      text.append(policy.document()).append('\n');
    }
    for (String arn : policy.managedPolicyArns()) {
      text.append(arn).append('\n');
    }
    List<Map.Entry<String, String>> sortedTags = new ArrayList<>(tags.asMap().entrySet());
    sortedTags.sort(Comparator.comparing(tag -> tag.getKey().toLowerCase(Locale.ROOT)));
    for (Map.Entry<String, String> tag : sortedTags) {
      text.append(tag.getKey()).append('=').append(tag.getValue()).append('\n');
    }
    List<String> transitive = new ArrayList<>(tags.transitiveKeys());
    transitive.sort(Comparator.comparing(key -> key.toLowerCase(Locale.ROOT)));
    for (String key : transitive) {
      text.append(key).append('\n');
    }
    return text.toString();
  }

  private static int deflatedLength(String text) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
      deflater.finish();
      byte[] buffer = new byte[4096];
      int length = 0;
      while (!deflater.finished()) {
        length += deflater.deflate(buffer);
      }
      return length;
    } finally {
      deflater.end();
    }
  }
}

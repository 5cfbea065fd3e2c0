package dev.lanyard.policy.arn;

import java.util.Objects;

/**
 * An Amazon Resource Name: {@code arn:partition:service:region:account:resource}.
 *
 * <p>Region and account may be empty (for example {@code arn:aws:s3:::bucket}); the resource is
 * everything after the fifth colon and may itself contain colons and slashes. Segments are kept
 * verbatim, so an ARN pattern containing {@code *} or {@code ?} parses too. {@link #toString()}
 * gives the text back exactly.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    private static final String PREFIX = "arn:";

    /** Validates that no segment is null and that partition, service and resource are not empty. */
    public Arn {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(resource, "resource");
        if (partition.isEmpty()) {
            throw new IllegalArgumentException("ARN partition is empty; expected e.g. aws, aws-cn, aws-us-gov");
        }
        if (service.isEmpty()) {
            throw new IllegalArgumentException("ARN service is empty; expected e.g. iam, s3, sts");
        }
        if (resource.isEmpty()) {
            throw new IllegalArgumentException("ARN resource is empty; expected text after the fifth ':'");
        }
    }

    /**
     * Parses {@code arn:partition:service:region:account:resource}.
     *
     * @throws IllegalArgumentException if the text does not start with {@code arn:}, has fewer than
     *     six colon-separated segments, or has an empty partition, service or resource
     */
    public static Arn parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("ARN is null; expected arn:partition:service:region:account:resource");
        }
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an ARN: '" + abbreviate(text)
                    + "' does not start with 'arn:'; expected arn:partition:service:region:account:resource");
        }
        int p1 = PREFIX.length() - 1;
        int p2 = text.indexOf(':', p1 + 1);
        int p3 = p2 < 0 ? -1 : text.indexOf(':', p2 + 1);
        int p4 = p3 < 0 ? -1 : text.indexOf(':', p3 + 1);
        int p5 = p4 < 0 ? -1 : text.indexOf(':', p4 + 1);
        if (p5 < 0) {
            throw new IllegalArgumentException("not an ARN: '" + abbreviate(text)
                    + "' has fewer than six ':'-separated segments; expected arn:partition:service:region:account:resource");
        }
        try {
            return new Arn(text.substring(p1 + 1, p2), text.substring(p2 + 1, p3), text.substring(p3 + 1, p4),
                    text.substring(p4 + 1, p5), text.substring(p5 + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an ARN: '" + abbreviate(text) + "': " + e.getMessage(), e);
        }
    }

    /** Returns true if {@code text} parses as an ARN. */
    public static boolean isArn(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The ARN text, {@code arn:partition:service:region:account:resource}. */
    @Override
    public String toString() {
        return PREFIX + partition + ':' + service + ':' + region + ':' + account + ':' + resource;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}

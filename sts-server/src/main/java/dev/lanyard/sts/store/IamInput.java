package dev.lanyard.sts.store;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.model.Tag;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS IAM's input rules (lengths and patterns of names, paths, tags, documents). Each check throws
 * {@code ValidationError} (or {@code InvalidInput} for semantic problems) naming the field, the
 * problem and what is accepted.
 */
public final class IamInput {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]+/");
    private static final Pattern PATH_PREFIX = Pattern.compile("/[\\u0021-\\u007F]*");
    private static final Pattern TEXT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern DOCUMENT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\uFFFF]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern ACCOUNT_ALIAS = Pattern.compile("[a-z0-9]([a-z0-9]|-(?!-))*[a-z0-9]");
    private static final Pattern SAML_NAME = Pattern.compile("[\\w._-]+");
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-Fa-f]{40}");
    private static final Pattern ARN = Pattern.compile("arn:[a-z0-9-]+:[a-z0-9-]*:[a-z0-9-]*:[0-9a-z-]*:.+");

    /** Maximum characters of a policy document. */
    public static final int DOCUMENT_MAX = 131072;
    /** Maximum characters of SAML metadata. */
    public static final int SAML_METADATA_MAX = 10_000_000;

    private IamInput() {
    }

    /** An IAM entity name ({@code [\w+=,.@-]+}, 1 to {@code maxLength} characters). */
    public static String name(String field, String value, int maxLength) {
        return matching(field, value, 1, maxLength, NAME, "letters, digits and +=,.@_-");
    }

    /** A path: "/" or "/segment/.../" of printable ASCII, at most 512 characters. */
    public static String path(String field, String value) {
        return matching(field, value, 1, 512, PATH, "\"/\" or text of printable ASCII beginning and ending with \"/\"");
    }

    /** A path prefix filter ({@code null} means "/"). */
    public static String pathPrefix(String field, String value) {
        if (value == null) {
            return "/";
        }
        return matching(field, value, 1, 512, PATH_PREFIX, "text of printable ASCII beginning with \"/\"");
    }

    /** A description, at most {@code maxLength} characters ({@code null} allowed). */
    public static String description(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        return matching(field, value, 0, maxLength, TEXT, "printable Latin-1 text");
    }

    /** A policy document's raw text (1-131072 characters); it is parsed and validated elsewhere. */
    public static String document(String field, String value) {
        return matching(field, value, 1, DOCUMENT_MAX, DOCUMENT, "printable text (a JSON policy document)");
    }

    /** A 12-digit account id. */
    public static String accountId(String field, String value) {
        return matching(field, value, 12, 12, ACCOUNT_ID, "exactly 12 digits");
    }

    /** An account alias: 3-63 lower-case letters, digits and single hyphens, not at either end. */
    public static String accountAlias(String field, String value) {
        return matching(field, value, 3, 63, ACCOUNT_ALIAS, "lower-case letters, digits and single hyphens inside");
    }

    /** A SAML provider name ({@code [\w._-]+}, 1-128). */
    public static String samlProviderName(String field, String value) {
        return matching(field, value, 1, 128, SAML_NAME, "letters, digits and ._-");
    }

    /** An ARN of the general AWS form, at most 2048 characters ({@code null} allowed when {@code optional}). */
    public static String arn(String field, String value, boolean optional) {
        if (value == null && optional) {
            return null;
        }
        return matching(field, value, 20, 2048, ARN, "an ARN (arn:partition:service:region:account:resource)");
    }

    /** An OIDC provider URL: https, host and optional path, no query or fragment, at most 255 characters. */
    public static String oidcUrl(String field, String value) {
        require(field, value);
        if (value.length() > 255 || !value.startsWith("https://") || value.length() <= "https://".length()
                || value.contains("?") || value.contains("#") || value.contains(" ")) {
            throw invalid(AwsErrorCode.ValidationError, field, value.length() > 255 ? "is longer than 255 characters" : "is not accepted",
                    "an https URL with a host and optional path, no query or fragment, at most 255 characters");
        }
        return value;
    }

    /** OIDC client ids: each 1-255 characters, no duplicates, at most {@link IamLimits#OIDC_CLIENT_IDS}. */
    public static List<String> oidcClientIds(String field, List<String> values) {
        if (values.size() > IamLimits.OIDC_CLIENT_IDS) {
            throw limit(field + " has " + values.size() + " entries; at most " + IamLimits.OIDC_CLIENT_IDS + " are accepted");
        }
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            require(field, value);
            if (value.isEmpty() || value.length() > 255) {
                throw invalid(AwsErrorCode.ValidationError, field, "has an entry of " + value.length() + " characters",
                        "1 to 255 characters each");
            }
            if (!seen.add(value)) {
                throw invalid(AwsErrorCode.InvalidInput, field, "lists " + value + " twice", "distinct values");
            }
        }
        return List.copyOf(values);
    }

    /** OIDC thumbprints: 40 hex characters each (SHA-1), at most {@link IamLimits#OIDC_THUMBPRINTS}. */
    public static List<String> thumbprints(String field, List<String> values) {
        if (values.size() > IamLimits.OIDC_THUMBPRINTS) {
            throw limit(field + " has " + values.size() + " entries; at most " + IamLimits.OIDC_THUMBPRINTS + " are accepted");
        }
        for (String value : values) {
            matching(field, value, 40, 40, THUMBPRINT, "40 hexadecimal characters (a SHA-1 fingerprint)");
        }
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** A maximum session duration in seconds (3600-43200). */
    public static int maxSessionDuration(String field, int seconds) {
        if (seconds < IamLimits.MIN_SESSION_DURATION || seconds > IamLimits.MAX_SESSION_DURATION) {
            throw invalid(AwsErrorCode.ValidationError, field, "is " + seconds,
                    "a number of seconds from " + IamLimits.MIN_SESSION_DURATION + " to " + IamLimits.MAX_SESSION_DURATION);
        }
        return seconds;
    }

    /** One tag: key 1-128 and value 0-256 characters of letters, digits, white space and _.:/=+-@. */
    public static Tag tag(String field, Tag tag) {
        matching(field + ".key", tag.key(), 1, 128, TAG_TEXT, "letters, digits, spaces and _.:/=+-@");
        if (tag.key().regionMatches(true, 0, "aws:", 0, 4)) {
            throw invalid(AwsErrorCode.InvalidInput, field + ".key", "begins with the reserved prefix aws:", "a key not beginning with aws:");
        }
        matching(field + ".value", tag.value(), 0, 256, TAG_TEXT, "letters, digits, spaces and _.:/=+-@");
        return tag;
    }

    /** Tag keys to remove: each 1-128 characters, at most {@link IamLimits#TAGS}. */
    public static List<String> tagKeys(String field, List<String> keys) {
        if (keys.size() > IamLimits.TAGS) {
            throw invalid(AwsErrorCode.ValidationError, field, "has " + keys.size() + " keys", "at most " + IamLimits.TAGS);
        }
        for (String key : keys) {
            matching(field, key, 1, 128, TAG_TEXT, "letters, digits, spaces and _.:/=+-@");
        }
        return List.copyOf(keys);
    }

    /** A required field that is not {@code null}. */
    public static <T> T require(String field, T value) {
        if (value == null) {
            throw new LanyardException(AwsErrorCode.ValidationError, field + " is missing; a value is required", false);
        }
        return value;
    }

    /** A {@code LimitExceeded} failure with the given explanation. */
    public static LanyardException limit(String message) {
        return new LanyardException(AwsErrorCode.LimitExceeded, message, false);
    }

    private static String matching(String field, String value, int min, int max, Pattern pattern, String accepted) {
        require(field, value);
        if (value.length() < min || value.length() > max) {
            throw invalid(AwsErrorCode.ValidationError, field, "has " + value.length() + " characters",
                    (min == max ? "exactly " + min : min + " to " + max) + " characters of " + accepted);
        }
        if (!pattern.matcher(value).matches()) {
            throw invalid(AwsErrorCode.ValidationError, field, "contains characters or a form that is not accepted", accepted);
        }
        return value;
    }

    private static LanyardException invalid(AwsErrorCode code, String field, String problem, String accepted) {
        return new LanyardException(code, field + " " + problem + "; accepted: " + accepted, false);
    }
}

package dev.lanyard.sts.iam;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.IamLimits;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.model.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS IAM's rules for request fields, named by their proto field names. Every failure is
 * {@code ValidationError} (or {@code InvalidInput} for a semantic problem, {@code LimitExceeded}
 * for a count) naming the field, the problem and what is accepted.
 */
final class IamValidation {
  /** Users, roles: 1-64; groups, policies, instance profiles: 1-128; MFA devices: 1-226. */
  static final int USER_NAME_MAX = 64;
  static final int ROLE_NAME_MAX = 64;
  static final int GROUP_NAME_MAX = 128;
  static final int POLICY_NAME_MAX = 128;
  static final int PROFILE_NAME_MAX = 128;
  static final int MFA_NAME_MAX = 226;
  static final int DESCRIPTION_MAX = 1000;

  private static final Pattern POLICY_ARN =
      Pattern.compile("arn:[a-z0-9-]+:iam::([0-9]{12}|aws):policy/.+");
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w{16,128}");
  private static final Pattern SERIAL = Pattern.compile("[\\w+=/:,.@-]{9,256}");
  private static final Pattern VERSION_ID = Pattern.compile("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
  private static final Pattern MARKER = Pattern.compile("[\\u0020-\\u00FF]{1,320}");
  private static final Pattern MFA_CODE = Pattern.compile("[0-9]{6}");
  private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{17}");

  private IamValidation() {}

  /** A required entity name of {@code [\w+=,.@-]}, 1 to {@code max} characters. */
  static String name(String field, String value, int max) {
    required(field, value, "1 to " + max + " characters of letters, digits and +=,.@_-");
    return IamInput.name(field, value, max);
  }

  /** A path ("" means "/"): "/" or "/a/b/" of printable ASCII, at most 512 characters. */
  static String path(String field, String value) {
    return IamInput.path(field, value.isEmpty() ? "/" : value);
  }

  /** A path prefix filter ("" means "/"). */
  static String pathPrefix(String field, String value) {
    return IamInput.pathPrefix(field, value.isEmpty() ? "/" : value);
  }

  /** A description of at most 1000 characters; "" means none ({@code null}). */
  static String description(String field, String value) {
    return value.isEmpty() ? null : IamInput.description(field, value, DESCRIPTION_MAX);
  }

  /** Request tags: at most 50, keys distinct (case-insensitively), each per AWS's patterns. */
  static List<Tag> tags(String field, List<dev.lanyard.proto.common.v1.Tag> tags) {
    if (tags.size() > IamLimits.TAGS) {
      throw new LanyardException(AwsErrorCode.LimitExceeded, field + " has " + tags.size()
          + " tags; accepted: at most " + IamLimits.TAGS, false);
    }
    List<Tag> out = new ArrayList<>(tags.size());
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < tags.size(); i++) {
      Tag tag = IamInput.tag(field + "[" + i + "]", new Tag(tags.get(i).getKey(), tags.get(i).getValue()));
      if (!keys.add(tag.key().toLowerCase(Locale.ROOT))) {
        throw new LanyardException(AwsErrorCode.InvalidInput, field + " lists the key " + tag.key()
            + " twice; accepted: each key once (keys compare case-insensitively)", false);
      }
      out.add(tag);
    }
    return List.copyOf(out);
  }

  /** Tag keys to remove: 1 to 50 keys of 1-128 characters. */
  static List<String> tagKeys(String field, List<String> keys) {
    if (keys.isEmpty()) {
      throw invalid(field, "is empty", "1 to " + IamLimits.TAGS + " tag keys");
    }
    return IamInput.tagKeys(field, keys);
  }

  /** The page a List call asks for: {@code marker} ("" for the first page) and {@code max_items} (1-1000, absent: 100). */
  static PageRequest page(String marker, boolean hasMaxItems, int maxItems) {
    if (!marker.isEmpty() && !MARKER.matcher(marker).matches()) {
      throw invalid("marker", "is not accepted", "the marker of the previous truncated page (1-320 characters)");
    }
    int max = hasMaxItems ? maxItems : PageRequest.DEFAULT_MAX_ITEMS;
    if (max < 1 || max > PageRequest.LIMIT_MAX_ITEMS) {
      throw invalid("max_items", "is " + max, "1 to " + PageRequest.LIMIT_MAX_ITEMS);
    }
    return new PageRequest(marker.isEmpty() ? null : marker, max);
  }

  /** A role's maximum session duration, 3600-43200 seconds. */
  static int maxSessionDuration(String field, int seconds) {
    return IamInput.maxSessionDuration(field, seconds);
  }

  /** A managed policy ARN: {@code arn:<partition>:iam::<account or aws>:policy/...}. */
  static String policyArn(String field, String value) {
    required(field, value, "a managed policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)");
    IamInput.arn(field, value, false);
    if (!POLICY_ARN.matcher(value).matches()) {
      throw invalid(field, "is not a managed policy ARN",
          "arn:<partition>:iam::<account id or aws>:policy/<path><name>");
    }
    return value;
  }

  /** A permissions boundary ARN, {@code null} when "". */
  static String optionalPolicyArn(String field, String value) {
    return value.isEmpty() ? null : policyArn(field, value);
  }

  /** An access key id: 16-128 word characters. */
  static String accessKeyId(String field, String value) {
    return matching(field, value, ACCESS_KEY_ID, "16 to 128 letters, digits and _ (AKIA...)");
  }

  /** An MFA device serial number (its ARN): 9-256 characters of {@code [\w+=/:,.@-]}. */
  static String serialNumber(String field, String value) {
    return matching(field, value, SERIAL, "9 to 256 characters of letters, digits and +=/:,.@_- (the device ARN)");
  }

  /** A six-digit TOTP code. */
  static String mfaCode(String field, String value) {
    required(field, value, "six digits");
    if (!MFA_CODE.matcher(value).matches()) {
      throw invalid(field, "is not six digits", "six digits");
    }
    return value;
  }

  /** A policy version id: {@code v1}, {@code v2}, ... */
  static String versionId(String field, String value) {
    return matching(field, value, VERSION_ID, "v followed by a number, such as v2");
  }

  /** An instance id: {@code i-} and 17 lowercase hex digits. */
  static String instanceId(String field, String value) {
    return matching(field, value, INSTANCE_ID, "i- followed by 17 lowercase hexadecimal digits");
  }

  /** A required ARN (providers). */
  static String arn(String field, String value) {
    required(field, value, "an ARN");
    return IamInput.arn(field, value, false);
  }

  /** A required non-empty value. */
  static String required(String field, String value, String accepted) {
    if (value == null || value.isEmpty()) {
      throw invalid(field, "is missing", accepted);
    }
    return value;
  }

  static LanyardException invalid(String field, String problem, String accepted) {
    return new LanyardException(AwsErrorCode.ValidationError, field + " " + problem + "; accepted: " + accepted,
        false);
  }

  private static String matching(String field, String value, Pattern pattern, String accepted) {
    required(field, value, accepted);
    if (!pattern.matcher(value).matches()) {
      throw invalid(field, "is not accepted", accepted);
    }
    return value;
  }
}

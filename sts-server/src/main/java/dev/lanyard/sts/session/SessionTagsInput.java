package dev.lanyard.sts.session;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.model.Tag;
import dev.lanyard.sts.token.SessionTags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The session tags a caller passes ({@code Tags}, {@code TransitiveTagKeys}) and AWS's rules for
 * them: at most 50 tags, keys 1-128 and values 0-256 characters of AWS's tag alphabet, keys
 * case-insensitive (two keys differing only in case are an error), transitive keys among the tags.
 * In a role chain the parent session's transitive tags pass on, stay transitive, and cannot be
 * overridden: a new tag with an inherited key is {@code InvalidParameterValue} (IAM User Guide,
 * "Chaining roles with session tags").
 *
 * @param tags the tags, in request order
 * @param transitiveKeys keys of tags that pass on to chained sessions
 */
public record SessionTagsInput(List<Tag> tags, List<String> transitiveKeys) {
  /** AWS's limit on session tags. */
  public static final int MAX_TAGS = 50;

  public SessionTagsInput {
    tags = tags == null ? List.of() : List.copyOf(tags);
    transitiveKeys = transitiveKeys == null ? List.of() : List.copyOf(transitiveKeys);
  }

  /** No tags. */
  public static SessionTagsInput none() {
    return new SessionTagsInput(List.of(), List.of());
  }

  public boolean isEmpty() {
    return tags.isEmpty() && transitiveKeys.isEmpty();
  }

  /**
   * The new session's tags: the inherited transitive tags of {@code parent} (may be
   * {@link SessionTags#none()}) plus these, validated.
   */
  public SessionTags resolve(SessionTags parent) {
    if (tags.size() > MAX_TAGS) {
      throw ParameterChecks.invalid("tags", tags.size() + " tags",
          "Member must have length less than or equal to " + MAX_TAGS);
    }
    Map<String, String> given = new LinkedHashMap<>();
    Set<String> folded = new HashSet<>();
    for (int i = 0; i < tags.size(); i++) {
      Tag tag = tags.get(i);
      String field = "tags." + (i + 1) + ".member";
      ParameterChecks.require(field + ".key", tag.key(), 1, 128, ParameterChecks.TAG_KEY);
      if (tag.value().length() > 256 || !ParameterChecks.TAG_VALUE.matcher(tag.value()).matches()) {
        throw ParameterChecks.invalid(field + ".value", tag.value(),
            "Member must have length less than or equal to 256 and satisfy regular expression pattern: "
                + ParameterChecks.TAG_VALUE.pattern());
      }
      if (!folded.add(fold(tag.key()))) {
        throw new LanyardException(AwsErrorCode.ValidationError, "Tags: the key '" + tag.key()
            + "' is given twice ignoring case; session tag keys are case-insensitive, give each once");
      }
      given.put(tag.key(), tag.value());
    }
    Set<String> transitive = new LinkedHashSet<>();
    for (int i = 0; i < transitiveKeys.size(); i++) {
      String key = transitiveKeys.get(i);
      ParameterChecks.require("transitiveTagKeys." + (i + 1) + ".member", key, 1, 128,
          ParameterChecks.TAG_KEY);
      if (!folded.contains(fold(key))) {
        throw new LanyardException(AwsErrorCode.InvalidParameterValue, "TransitiveTagKeys: the key '"
            + key + "' is not among the session tags; transitive keys must name tags given in Tags");
      }
      transitive.add(key);
    }
    if (transitiveKeys.size() > MAX_TAGS) {
      throw ParameterChecks.invalid("transitiveTagKeys", transitiveKeys.size() + " keys",
          "Member must have length less than or equal to " + MAX_TAGS);
    }
    return merge(parent, given, transitive);
  }

  private static SessionTags merge(SessionTags parent, Map<String, String> given, Set<String> transitive) {
    Map<String, String> all = new LinkedHashMap<>();
    List<String> allTransitive = new ArrayList<>();
    for (Map.Entry<String, String> inherited : parent.asMap().entrySet()) {
      if (!parent.isTransitive(inherited.getKey())) {
        continue;
      }
      for (String key : given.keySet()) {
        if (key.equalsIgnoreCase(inherited.getKey())) {
          throw new LanyardException(AwsErrorCode.InvalidParameterValue, "Tags: the key '" + key
              + "' is a transitive tag inherited from the calling session; inherited transitive tags"
              + " cannot be overridden in a role chain, leave it out of Tags");
        }
      }
      all.put(inherited.getKey(), inherited.getValue());
      allTransitive.add(inherited.getKey());
    }
    all.putAll(given);
    allTransitive.addAll(transitive);
    if (all.size() > MAX_TAGS) {
      throw new LanyardException(AwsErrorCode.ValidationError, "Tags: the session would have "
          + all.size() + " tags with the inherited transitive tags; at most " + MAX_TAGS + " are accepted");
    }
    return SessionTags.of(all, allTransitive);
  }

  private static String fold(String key) {
    return key.toLowerCase(Locale.ROOT);
  }
}

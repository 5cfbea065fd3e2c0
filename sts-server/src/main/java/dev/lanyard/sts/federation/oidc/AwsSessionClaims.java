package dev.lanyard.sts.federation.oidc;

import dev.lanyard.sts.session.SessionTagsInput;
import dev.lanyard.sts.store.model.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads AWS's session claims from a verified token: {@code https://aws.amazon.com/tags} with
 * {@code principal_tags} (each tag key mapped to a list of exactly one string) and {@code
 * transitive_tag_keys} (a list of strings), and {@code https://aws.amazon.com/source_identity} (a
 * string). Only the shape is checked here; tag and source identity rules (lengths, alphabet, limits,
 * transitive keys among the tags) are the STS operation's, as for AssumeRole.
 */
final class AwsSessionClaims {
  static final String TAGS_CLAIM = "https://aws.amazon.com/tags";
  static final String SOURCE_IDENTITY_CLAIM = "https://aws.amazon.com/source_identity";
  /** Shape limit well above AWS's 50 tags, so a malformed claim cannot make the server work hard. */
  private static final int MAX_ENTRIES = 256;

  private AwsSessionClaims() {
  }

  static SessionTagsInput tags(Map<String, Object> claims) {
    Object claim = claims.get(TAGS_CLAIM);
    if (claim == null) {
      return SessionTagsInput.none();
    }
    if (!(claim instanceof Map<?, ?> object)) {
      throw shape("is not a JSON object; {\"principal_tags\": {...}, \"transitive_tag_keys\": [...]} is accepted");
    }
    List<Tag> tags = new ArrayList<>();
    Object principalTags = object.get("principal_tags");
    if (principalTags != null) {
      if (!(principalTags instanceof Map<?, ?> byKey) || byKey.size() > MAX_ENTRIES) {
        throw shape("principal_tags is not a JSON object of at most " + MAX_ENTRIES + " members");
      }
      for (Map.Entry<?, ?> tag : byKey.entrySet()) {
        if (!(tag.getValue() instanceof List<?> values) || values.size() != 1 || !(values.get(0) instanceof String value)) {
          throw shape("principal_tags maps a key to something other than a list of exactly one string;"
              + " each tag is \"Key\": [\"value\"]");
        }
        tags.add(new Tag((String) tag.getKey(), value));
      }
    }
    List<String> transitive = new ArrayList<>();
    Object transitiveKeys = object.get("transitive_tag_keys");
    if (transitiveKeys != null) {
      if (!(transitiveKeys instanceof List<?> keys) || keys.size() > MAX_ENTRIES) {
        throw shape("transitive_tag_keys is not a list of at most " + MAX_ENTRIES + " strings");
      }
      for (Object key : keys) {
        if (!(key instanceof String text)) {
          throw shape("transitive_tag_keys holds something other than a string");
        }
        transitive.add(text);
      }
    }
    return new SessionTagsInput(tags, transitive);
  }

  static String sourceIdentity(Map<String, Object> claims) {
    Object claim = claims.get(SOURCE_IDENTITY_CLAIM);
    if (claim == null) {
      return null;
    }
    if (!(claim instanceof String text)) {
      throw TokenRefusals.invalid("the claim " + SOURCE_IDENTITY_CLAIM + " is not a string; a source identity string is accepted");
    }
    return text;
  }

  private static RuntimeException shape(String problem) {
    return TokenRefusals.invalid("the claim " + TAGS_CLAIM + ": " + problem);
  }
}

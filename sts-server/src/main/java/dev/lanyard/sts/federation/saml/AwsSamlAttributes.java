package dev.lanyard.sts.federation.saml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The attributes AWS reads from a SAML assertion, under {@value #PREFIX}: {@code Role} (one or more
 * "role ARN,provider ARN" pairs, in either order), {@code RoleSessionName} (required),
 * {@code SessionDuration}, {@code PrincipalTag:<key>}, {@code TransitiveTagKeys} and
 * {@code SourceIdentity}, each validated as AWS does.
 */
record AwsSamlAttributes(List<SamlRole> roles, String sessionName, Optional<Duration> sessionDuration,
    Map<String, String> principalTags, List<String> transitiveTagKeys, Optional<String> sourceIdentity) {
  static final String PREFIX = "https://aws.amazon.com/SAML/Attributes/";
  static final String ROLE = PREFIX + "Role";
  static final String ROLE_SESSION_NAME = PREFIX + "RoleSessionName";
  static final String SESSION_DURATION = PREFIX + "SessionDuration";
  static final String PRINCIPAL_TAG = PREFIX + "PrincipalTag:";
  static final String TRANSITIVE_TAG_KEYS = PREFIX + "TransitiveTagKeys";
  static final String SOURCE_IDENTITY = PREFIX + "SourceIdentity";
  static final int MIN_DURATION_SECONDS = 900;
  static final int MAX_DURATION_SECONDS = 43_200;
  static final int MAX_TAGS = 50;
  private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
  private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
  private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,256}");

  AwsSamlAttributes {
    roles = List.copyOf(roles);
    principalTags = Collections.unmodifiableMap(new LinkedHashMap<>(principalTags));
    transitiveTagKeys = List.copyOf(transitiveTagKeys);
  }

  static AwsSamlAttributes from(Map<String, List<String>> attributes) {
    Map<String, String> tags = tags(attributes);
    return new AwsSamlAttributes(roles(attributes.get(ROLE)),
        sessionName(single(attributes, ROLE_SESSION_NAME).orElseThrow(() ->
            SamlRefusal.invalid("the RoleSessionName attribute (" + ROLE_SESSION_NAME + ") is required"))),
        single(attributes, SESSION_DURATION).map(AwsSamlAttributes::duration),
        tags,
        transitive(attributes.getOrDefault(TRANSITIVE_TAG_KEYS, List.of()), tags),
        single(attributes, SOURCE_IDENTITY).map(AwsSamlAttributes::sourceIdentity));
  }

  private static List<SamlRole> roles(List<String> values) {
    if (values == null || values.isEmpty()) {
      throw SamlRefusal.invalid("the Role attribute (" + ROLE + ") is required with at least one"
          + " \"role ARN,provider ARN\" value");
    }
    List<SamlRole> roles = new ArrayList<>();
    for (String value : values) {
      String[] parts = value.split(",", -1);
      if (parts.length != 2) {
        throw SamlRefusal.invalid("a Role attribute value is not a pair; accepted: \"role ARN,provider ARN\" in"
            + " either order");
      }
      String first = parts[0].strip();
      String second = parts[1].strip();
      if (isRole(first) && isProvider(second)) {
        roles.add(new SamlRole(first, second));
      } else if (isProvider(first) && isRole(second)) {
        roles.add(new SamlRole(second, first));
      } else {
        throw SamlRefusal.invalid("a Role attribute value does not pair an IAM role ARN with a saml-provider ARN;"
            + " accepted: arn:<partition>:iam::<account>:role/<name>,arn:<partition>:iam::<account>:saml-provider/<name>");
      }
    }
    return roles;
  }

  private static boolean isRole(String arn) {
    return arn.startsWith("arn:") && arn.contains(":iam::") && arn.contains(":role/");
  }

  private static boolean isProvider(String arn) {
    return arn.startsWith("arn:") && arn.contains(":iam::") && arn.contains(":saml-provider/");
  }

  private static String sessionName(String value) {
    if (!NAME.matcher(value).matches()) {
      throw SamlRefusal.invalid("the RoleSessionName attribute must be 2 to 64 characters of [a-zA-Z0-9_+=,.@-]");
    }
    return value;
  }

  private static Duration duration(String value) {
    int seconds;
    try {
      seconds = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < MIN_DURATION_SECONDS || seconds > MAX_DURATION_SECONDS) {
      throw SamlRefusal.invalid("the SessionDuration attribute must be a whole number of seconds from "
          + MIN_DURATION_SECONDS + " to " + MAX_DURATION_SECONDS);
    }
    return Duration.ofSeconds(seconds);
  }

  private static String sourceIdentity(String value) {
    if (!NAME.matcher(value).matches() || value.toLowerCase(Locale.ROOT).startsWith("aws:")) {
      throw SamlRefusal.invalid("the SourceIdentity attribute must be 2 to 64 characters of [a-zA-Z0-9_+=,.@-]"
          + " and not start with aws:");
    }
    return value;
  }

  private static Map<String, String> tags(Map<String, List<String>> attributes) {
    Map<String, String> tags = new LinkedHashMap<>();
    Set<String> folded = new HashSet<>();
    for (Map.Entry<String, List<String>> attribute : attributes.entrySet()) {
      if (!attribute.getKey().startsWith(PRINCIPAL_TAG)) {
        continue;
      }
      String key = attribute.getKey().substring(PRINCIPAL_TAG.length());
      if (!TAG_KEY.matcher(key).matches() || key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw SamlRefusal.invalid("a PrincipalTag key is not accepted; accepted: 1 to 128 letters, digits, spaces"
            + " and _.:/=+-@, not starting with aws:");
      }
      List<String> values = attribute.getValue();
      if (values.size() != 1) {
        throw SamlRefusal.invalid("the PrincipalTag:" + key + " attribute has " + values.size()
            + " values; exactly one is accepted");
      }
      String value = values.get(0);
      if (!TAG_VALUE.matcher(value).matches()) {
        throw SamlRefusal.invalid("the PrincipalTag:" + key + " value is not accepted; accepted: 0 to 256"
            + " letters, digits, spaces and _.:/=+-@");
      }
      if (!folded.add(key.toLowerCase(Locale.ROOT))) {
        throw SamlRefusal.invalid("the PrincipalTag key " + key + " appears twice ignoring case; tag keys are"
            + " case-insensitive");
      }
      tags.put(key, value);
    }
    if (tags.size() > MAX_TAGS) {
      throw SamlRefusal.invalid("the assertion has " + tags.size() + " PrincipalTag attributes; at most "
          + MAX_TAGS + " are accepted");
    }
    return tags;
  }

  private static List<String> transitive(List<String> keys, Map<String, String> tags) {
    Set<String> tagKeys = new HashSet<>();
    tags.keySet().forEach(k -> tagKeys.add(k.toLowerCase(Locale.ROOT)));
    for (String key : keys) {
      if (!tagKeys.contains(key.toLowerCase(Locale.ROOT))) {
        throw SamlRefusal.invalid("the TransitiveTagKeys value " + (key.length() > 128 ? key.substring(0, 128) : key)
            + " is not the key of a PrincipalTag attribute; every transitive key must be a session tag");
      }
    }
    return keys;
  }

  private static Optional<String> single(Map<String, List<String>> attributes, String name) {
    List<String> values = attributes.get(name);
    if (values == null) {
      return Optional.empty();
    }
    if (values.size() != 1) {
      throw SamlRefusal.invalid("the " + name.substring(PREFIX.length()) + " attribute has " + values.size()
          + " values; exactly one is accepted");
    }
    return Optional.of(values.get(0));
  }
}

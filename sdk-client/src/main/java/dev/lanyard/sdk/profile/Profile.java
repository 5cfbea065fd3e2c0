package dev.lanyard.sdk.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One named profile: its properties as written (keys as written, values trimmed, continuation
 * lines joined with a newline). {@link #toString()} shows the property names only, since values
 * may be secrets.
 *
 * @param name the profile name, without the {@code profile } prefix of the config file
 * @param properties property name to value, in file order
 */
public record Profile(String name, Map<String, String> properties) {

  public Profile {
    Objects.requireNonNull(name, "name");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** The value of a property, if present and not blank. */
  public Optional<String> property(String key) {
    String value = properties.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** This profile with {@code overriding}'s properties laid over it. */
  Profile overriddenBy(Profile overriding) {
    Map<String, String> merged = new LinkedHashMap<>(properties);
    merged.putAll(overriding.properties);
    return new Profile(name, merged);
  }

  @Override
  public String toString() {
    return "Profile[" + name + ", properties=" + properties.keySet() + "]";
  }
}

package dev.lanyard.policy.eval;

import dev.lanyard.policy.condition.ConditionContext;
import dev.lanyard.policy.condition.ContextValue;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The condition keys of a request and their values. Immutable. Keys are case-insensitive
 * (including the tag key inside {@code aws:RequestTag/}, {@code aws:ResourceTag/} and
 * {@code aws:PrincipalTag/}); values are one string or a list of strings. Typed readings of values
 * (numbers, dates, addresses) are parsed on first use and cached, so a context reused across
 * evaluations parses once.
 */
public final class RequestContext implements ConditionContext {

  private static final RequestContext EMPTY = new RequestContext(Map.of());

  private final Map<String, ContextValue> values;

  private RequestContext(Map<String, ContextValue> values) {
    this.values = values;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A context with no keys. */
  public static RequestContext empty() {
    return EMPTY;
  }

  @Override
  public ContextValue value(String lowerKey) {
    return values.get(lowerKey);
  }

  @Override
  public String variableValue(String lowerKey) {
    ContextValue v = values.get(lowerKey);
    return v != null && v.size() == 1 ? v.get(0) : null;
  }

  /** The values of {@code key} in any case, or null when absent. */
  public List<String> get(String key) {
    ContextValue v = values.get(key.toLowerCase(Locale.ROOT));
    return v == null ? null : v.asList();
  }

  /** The keys, lower-cased. */
  public Set<String> keys() {
    return values.keySet();
  }

  @Override
  public String toString() {
    return "RequestContext" + values;
  }

  /** Collects keys and values; a later {@code put} of the same key (in any case) replaces it. */
  public static final class Builder {
    private final Map<String, ContextValue> values = new HashMap<>();

    private Builder() {}

    /** Sets a single-valued key. */
    public Builder put(String key, String value) {
      Objects.requireNonNull(value, () -> "context key '" + key + "' has a null value; expected a string");
      values.put(lower(key), ContextValue.of(value));
      return this;
    }

    /** Sets a multi-valued key; an empty list is kept and conditions treat it as absent. */
    public Builder put(String key, List<String> list) {
      Objects.requireNonNull(list, () -> "context key '" + key + "' has a null list; expected strings");
      values.put(lower(key), ContextValue.of(list));
      return this;
    }

    /**
     * Adds the keys AWS derives from the principal, unless already set: {@code aws:PrincipalArn},
     * {@code aws:PrincipalAccount}, {@code aws:PrincipalType} and, for IAM users,
     * {@code aws:username}.
     */
    public Builder principalKeys(RequestPrincipal principal) {
      String principalArn = principal.principalArnContextValue();
      if (principalArn != null) {
        values.putIfAbsent("aws:principalarn", ContextValue.of(principalArn));
      }
      if (principal.accountId() != null) {
        values.putIfAbsent("aws:principalaccount", ContextValue.of(principal.accountId()));
      }
      values.putIfAbsent("aws:principaltype", ContextValue.of(principal.type().contextValue()));
      if (principal.type() == PrincipalType.USER) {
        String arn = principal.arn();
        values.putIfAbsent("aws:username", ContextValue.of(arn.substring(arn.lastIndexOf('/') + 1)));
      }
      return this;
    }

    public RequestContext build() {
      return values.isEmpty() ? EMPTY : new RequestContext(Collections.unmodifiableMap(new HashMap<>(values)));
    }

    private static String lower(String key) {
      Objects.requireNonNull(key, "context key is null; expected e.g. aws:SourceIp");
      return key.toLowerCase(Locale.ROOT);
    }
  }
}

package dev.lanyard.policy.eval;

import dev.lanyard.policy.condition.ConditionContext;
import dev.lanyard.policy.condition.ContextValue;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
 *
 * <p>A context may be layered over a base context ({@link Builder#buildOn}): its own keys are read
 * first, then the base's. A server keeps the keys that only change with the credentials in a base
 * built once per session and adds the per-request keys on top, without copying the base.
 */
public final class RequestContext implements ConditionContext {

  private static final RequestContext EMPTY = new RequestContext(Map.of(), null);

  private final Map<String, ContextValue> values;
  private final RequestContext base;

  private RequestContext(Map<String, ContextValue> values, RequestContext base) {
    this.values = values;
    this.base = base;
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
    ContextValue v = values.get(lowerKey);
    return v != null || base == null ? v : base.value(lowerKey);
  }

  @Override
  public String variableValue(String lowerKey) {
    ContextValue v = value(lowerKey);
    return v != null && v.size() == 1 ? v.get(0) : null;
  }

  /** The values of {@code key} in any case, or null when absent. */
  public List<String> get(String key) {
    ContextValue v = value(key.toLowerCase(Locale.ROOT));
    return v == null ? null : v.asList();
  }

  /** The keys, lower-cased, this context's own and its base's. */
  public Set<String> keys() {
    if (base == null) {
      return values.keySet();
    }
    Set<String> all = new LinkedHashSet<>(base.keys());
    all.addAll(values.keySet());
    return Collections.unmodifiableSet(all);
  }

  @Override
  public String toString() {
    return base == null ? "RequestContext" + values : "RequestContext" + values + " over " + base;
  }

  /** Collects keys and values; a later {@code put} of the same key (in any case) replaces it. */
  public static final class Builder {
    private Map<String, ContextValue> values = new HashMap<>();
    /** Whether {@link #values} belongs to a built context: the next change copies it first. */
    private boolean built;

    private Builder() {}

    /** Sets a single-valued key. */
    public Builder put(String key, String value) {
      Objects.requireNonNull(value, () -> "context key '" + key + "' has a null value; expected a string");
      writable().put(lower(key), ContextValue.of(value));
      return this;
    }

    /**
     * Sets a key to a value made before (its typed readings, once parsed, are shared by every
     * context that holds it).
     */
    public Builder put(String key, ContextValue value) {
      Objects.requireNonNull(value, () -> "context key '" + key + "' has a null value; expected a value");
      writable().put(lower(key), value);
      return this;
    }

    /** Sets a multi-valued key; an empty list is kept and conditions treat it as absent. */
    public Builder put(String key, List<String> list) {
      Objects.requireNonNull(list, () -> "context key '" + key + "' has a null list; expected strings");
      writable().put(lower(key), ContextValue.of(list));
      return this;
    }

    /**
     * Adds the keys AWS derives from the principal, unless already set: {@code aws:PrincipalArn},
     * {@code aws:PrincipalAccount}, {@code aws:PrincipalType} and, for IAM users,
     * {@code aws:username}.
     */
    public Builder principalKeys(RequestPrincipal principal) {
      Map<String, ContextValue> values = writable();
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
      return values.isEmpty() ? EMPTY : new RequestContext(share(), null);
    }

    /**
     * A context of these keys layered over {@code base}: a key set here hides the base's value of the
     * same key. The base is shared, not copied.
     */
    public RequestContext buildOn(RequestContext base) {
      Objects.requireNonNull(base, "base");
      if (values.isEmpty()) {
        return base;
      }
      return new RequestContext(share(), base == EMPTY ? null : base);
    }

    /** The keys for a context; the builder copies them before its next change. */
    private Map<String, ContextValue> share() {
      built = true;
      return Collections.unmodifiableMap(values);
    }

    private Map<String, ContextValue> writable() {
      if (built) {
        values = new HashMap<>(values);
        built = false;
      }
      return values;
    }

    private static String lower(String key) {
      Objects.requireNonNull(key, "context key is null; expected e.g. aws:SourceIp");
      return key.toLowerCase(Locale.ROOT);
    }
  }
}

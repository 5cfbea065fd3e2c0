package dev.lanyard.policy.match;

import dev.lanyard.policy.variable.VariableSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The action patterns of one statement ({@code s3:Get*}, {@code iam:*AccessKey*}, {@code *}),
 * grouped by service prefix. A pattern whose service part is a plain name is kept under that
 * service and matched against the action name only; a pattern whose service part has a wildcard
 * (or that has no colon) is generic and matched against the whole action. Matching ignores case.
 */
public final class ActionPatterns {

  private static final Glob[] NO_GLOBS = new Glob[0];

  private final boolean matchesAll;
  private final Map<String, Glob[]> byService;
  private final ServiceTable<Glob[]> table;
  private final Glob[] generic;

  private ActionPatterns(boolean matchesAll, Map<String, Glob[]> byService, Glob[] generic) {
    this.matchesAll = matchesAll;
    this.byService = byService;
    this.table = ServiceTable.of(byService);
    this.generic = generic;
  }

  /** Compiles a statement's action patterns. */
  public static ActionPatterns compile(List<String> patterns) {
    boolean all = false;
    Map<String, List<Glob>> services = new LinkedHashMap<>();
    List<Glob> generic = new ArrayList<>();
    for (String pattern : patterns) {
      Glob whole = Glob.of(pattern);
      if (whole.isMatchAll()) {
        all = true;
        continue;
      }
      int colon = pattern.indexOf(':');
      String service = colon < 0 ? null : pattern.substring(0, colon);
      if (service == null || service.isEmpty() || service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
        generic.add(whole);
      } else {
        services
            .computeIfAbsent(service.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(Glob.of(pattern.substring(colon + 1)));
      }
    }
    Map<String, Glob[]> byService = new LinkedHashMap<>();
    services.forEach((k, v) -> byService.put(k, v.toArray(NO_GLOBS)));
    return new ActionPatterns(all, Map.copyOf(byService), generic.toArray(NO_GLOBS));
  }

  /** Whether a pattern is {@code *} (or only stars). */
  public boolean matchesAll() {
    return matchesAll;
  }

  /** The lower-case services that have patterns of their own. */
  public Set<String> services() {
    return byService.keySet();
  }

  /** The name patterns for one lower-case service (empty when none). */
  public Glob[] namePatterns(String lowerService) {
    Glob[] globs = byService.get(lowerService);
    return globs == null ? NO_GLOBS : globs;
  }

  /** The patterns matched against the whole action (service part with wildcards). */
  public Glob[] genericPatterns() {
    return generic;
  }

  /** Whether any pattern matches {@code action}; no index needed. */
  public boolean matches(String action) {
    if (matchesAll) {
      return true;
    }
    int colon = action.indexOf(':');
    if (colon > 0) {
      Glob[] names = table.get(action, colon);
      if (names != null && anyMatches(names, action, colon + 1)) {
        return true;
      }
    }
    return anyMatches(generic, action, 0);
  }

  /** Whether any of {@code globs} matches {@code action[from, end)} ignoring case. */
  public static boolean anyMatches(Glob[] globs, String action, int from) {
    for (Glob glob : globs) {
      if (glob.matches(action, from, action.length(), true, VariableSource.EMPTY)) {
        return true;
      }
    }
    return false;
  }
}

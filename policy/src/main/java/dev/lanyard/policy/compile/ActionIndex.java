package dev.lanyard.policy.compile;

import dev.lanyard.policy.match.ActionPatterns;
import dev.lanyard.policy.match.Glob;
import dev.lanyard.policy.match.ServiceTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements of one effect, indexed by the service prefix of their actions, so that a policy
 * with thousands of actions tests only the patterns of the request's service (plus patterns whose
 * service part has wildcards, and {@code NotAction} statements). Candidates keep statement order.
 */
final class ActionIndex {

  private static final Glob[] NONE = new Glob[0];

  private final ServiceTable<Candidates> byService;
  private final Candidates other;

  private ActionIndex(ServiceTable<Candidates> byService, Candidates other) {
    this.byService = byService;
    this.other = other;
  }

  static ActionIndex build(List<CompiledStatement> statements) {
    Set<String> services = new LinkedHashSet<>();
    for (CompiledStatement s : statements) {
      if (s.actions() != null) {
        services.addAll(s.actions().services());
      }
    }
    Map<String, Candidates> table = new LinkedHashMap<>();
    for (String service : services) {
      table.put(service, candidatesFor(statements, service));
    }
    return new ActionIndex(ServiceTable.of(table), candidatesFor(statements, null));
  }

  private static Candidates candidatesFor(List<CompiledStatement> statements, String service) {
    List<CompiledStatement> picked = new ArrayList<>();
    List<ActionCheck> checks = new ArrayList<>();
    for (CompiledStatement s : statements) {
      ActionPatterns a = s.actions();
      if (a == null) {
        continue;
      }
      Glob[] names = service == null ? NONE : a.namePatterns(service);
      boolean relevant = s.notAction() || a.matchesAll() || names.length > 0 || a.genericPatterns().length > 0;
      if (relevant) {
        picked.add(s);
        checks.add(new ActionCheck(a.matchesAll(), names, a.genericPatterns(), s.notAction()));
      }
    }
    return new Candidates(picked.toArray(new CompiledStatement[0]), checks.toArray(new ActionCheck[0]));
  }

  /** The statements that may match {@code action}, with the action test for each. */
  Candidates candidates(String action, int colon) {
    if (colon > 0) {
      Candidates c = byService.get(action, colon);
      if (c != null) {
        return c;
      }
    }
    return other;
  }

  /** Parallel arrays: statements and their action tests for one service. */
  static final class Candidates {
    final CompiledStatement[] statements;
    final ActionCheck[] checks;

    Candidates(CompiledStatement[] statements, ActionCheck[] checks) {
      this.statements = statements;
      this.checks = checks;
    }
  }

  /** The action test of one statement for one service. */
  static final class ActionCheck {
    private final boolean all;
    private final Glob[] names;
    private final Glob[] generic;
    private final boolean negated;

    ActionCheck(boolean all, Glob[] names, Glob[] generic, boolean negated) {
      this.all = all;
      this.names = names;
      this.generic = generic;
      this.negated = negated;
    }

    boolean test(String action, int colon) {
      boolean m =
          all
              || (names.length > 0 && ActionPatterns.anyMatches(names, action, colon + 1))
              || (generic.length > 0 && ActionPatterns.anyMatches(generic, action, 0));
      return m != negated;
    }
  }
}

package dev.lanyard.policy.match;

import dev.lanyard.policy.variable.Template;
import dev.lanyard.policy.variable.VariableSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A wildcard pattern ({@code *} any run of characters, {@code ?} one character), compiled once.
 *
 * <p>The pattern is kept as pieces separated by {@code *}. Matching anchors the first piece at the
 * start and the last at the end, then finds each middle piece at its leftmost place; since a
 * {@code *} absorbs anything, the leftmost place is always a safe choice, so there is no
 * backtracking and the work is linear in the text times the length of one piece. Variables are
 * resolved when matched and their values compared literally; an unresolved variable (no value and
 * no default) makes the pattern not match. Thread-safe and immutable; matching allocates nothing.
 */
public final class Glob {

  private static final Glob MATCH_ALL = new Glob(new Piece[0], true, true);

  private final Piece[] pieces;
  private final boolean leadingStar;
  private final boolean trailingStar;
  private final boolean matchAll;

  private Glob(Piece[] pieces, boolean leadingStar, boolean trailingStar) {
    this.pieces = pieces;
    this.leadingStar = leadingStar;
    this.trailingStar = trailingStar;
    this.matchAll = pieces.length == 0 && leadingStar;
  }

  /** A glob over plain text with {@code *} and {@code ?} as wildcards. */
  public static Glob of(String pattern) {
    return compile(Template.text(pattern).parts(), true);
  }

  /** A glob that matches only the exact text (no wildcards). */
  public static Glob exact(String text) {
    return compile(Template.text(text).parts(), false);
  }

  /** A glob matching everything. */
  public static Glob matchAll() {
    return MATCH_ALL;
  }

  /**
   * Compiles template parts.
   *
   * @param wildcards whether {@code *} and {@code ?} in text parts are wildcards; when false the
   *     glob is an exact comparison (with variables substituted)
   */
  public static Glob compile(List<Template.Part> parts, boolean wildcards) {
    List<Piece> pieces = new ArrayList<>();
    List<Atom> atoms = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    boolean leading = false;
    boolean trailing = false;
    boolean sawAtom = false;
    for (Template.Part part : parts) {
      if (part instanceof Template.Text text) {
        String s = text.text();
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (wildcards && c == '*') {
            flushLiteral(literal, atoms);
            if (atoms.isEmpty()) {
              if (!sawAtom) {
                leading = true;
              }
            } else {
              pieces.add(new Piece(atoms));
              atoms = new ArrayList<>();
            }
            trailing = true;
          } else if (wildcards && c == '?') {
            flushLiteral(literal, atoms);
            atoms.add(Atom.ANY_CHAR);
            sawAtom = true;
            trailing = false;
          } else {
            literal.append(c);
            sawAtom = true;
            trailing = false;
          }
        }
      } else if (part instanceof Template.Literal lit) {
        literal.append(lit.character());
        sawAtom = true;
        trailing = false;
      } else if (part instanceof Template.Variable variable) {
        flushLiteral(literal, atoms);
        atoms.add(Atom.variable(variable.lowerKey(), variable.defaultValue()));
        sawAtom = true;
        trailing = false;
      }
    }
    flushLiteral(literal, atoms);
    if (!atoms.isEmpty()) {
      pieces.add(new Piece(atoms));
    }
    if (pieces.isEmpty() && leading) {
      return MATCH_ALL;
    }
    return new Glob(pieces.toArray(new Piece[0]), leading, trailing);
  }

  private static void flushLiteral(StringBuilder literal, List<Atom> atoms) {
    if (literal.length() > 0) {
      atoms.add(Atom.literal(literal.toString()));
      literal.setLength(0);
    }
  }

  /** The text this glob matches exactly when it has no wildcards and no variables, else null. */
  public String literalText() {
    if (pieces.length == 0 && !leadingStar) {
      return "";
    }
    if (pieces.length == 1 && !leadingStar && !trailingStar) {
      return pieces[0].onlyLiteral;
    }
    return null;
  }

  /** Whether this glob matches every text. */
  public boolean isMatchAll() {
    return matchAll;
  }

  /** Case-sensitive match of the whole text, no variables. */
  public boolean matches(String text) {
    return matches(text, 0, text.length(), false, VariableSource.EMPTY);
  }

  /**
   * Whether {@code text[from, to)} matches.
   *
   * @param ignoreCase compare letters case-insensitively (actions); resources and most
   *     condition values compare case-sensitively
   * @param vars where variables get their values
   */
  public boolean matches(String text, int from, int to, boolean ignoreCase, VariableSource vars) {
    if (matchAll) {
      return true;
    }
    int n = pieces.length;
    if (n == 0) {
      return from == to;
    }
    int pos = from;
    int end = to;
    int first = 0;
    int last = n;
    if (!leadingStar) {
      pos = pieces[0].matchAt(text, from, to, ignoreCase, vars);
      if (pos < 0) {
        return false;
      }
      first = 1;
      if (n == 1 && !trailingStar) {
        return pos == to;
      }
    }
    if (!trailingStar && first < n) {
      Piece piece = pieces[n - 1];
      int len = piece.length(vars);
      if (len < 0 || to - len < pos || piece.matchAt(text, to - len, to, ignoreCase, vars) != to) {
        return false;
      }
      end = to - len;
      last = n - 1;
    }
    for (int i = first; i < last; i++) {
      Piece piece = pieces[i];
      int len = piece.length(vars);
      if (len < 0) {
        return false;
      }
      int at = piece.find(text, pos, end, len, ignoreCase, vars);
      if (at < 0) {
        return false;
      }
      pos = at + len;
    }
    return true;
  }

  /** A run of atoms between two stars. */
  private static final class Piece {
    private final Atom[] atoms;
    private final int fixedLength;
    private final boolean hasVariables;
    private final String onlyLiteral;

    Piece(List<Atom> atoms) {
      this.atoms = atoms.toArray(new Atom[0]);
      int fixed = 0;
      boolean vars = false;
      for (Atom a : this.atoms) {
        if (a.kind == Atom.VARIABLE) {
          vars = true;
        } else {
          fixed += a.kind == Atom.ANY ? 1 : a.text.length();
        }
      }
      this.fixedLength = fixed;
      this.hasVariables = vars;
      this.onlyLiteral =
          this.atoms.length == 1 && this.atoms[0].kind == Atom.LITERAL ? this.atoms[0].text : null;
    }

    /** The piece's length once variables are resolved, or -1 when one cannot be. */
    int length(VariableSource vars) {
      if (!hasVariables) {
        return fixedLength;
      }
      int len = fixedLength;
      for (Atom a : atoms) {
        if (a.kind == Atom.VARIABLE) {
          String value = a.resolve(vars);
          if (value == null) {
            return -1;
          }
          len += value.length();
        }
      }
      return len;
    }

    /**
     * Matches this piece at {@code pos} within {@code [pos, to)}; returns where the match ends,
     * or -1. Literal text is compared before any variable is looked up.
     */
    int matchAt(String s, int pos, int to, boolean ignoreCase, VariableSource vars) {
      int p = pos;
      for (Atom a : atoms) {
        String text;
        if (a.kind == Atom.ANY) {
          if (p >= to) {
            return -1;
          }
          p++;
          continue;
        } else if (a.kind == Atom.LITERAL) {
          text = a.text;
        } else {
          text = a.resolve(vars);
          if (text == null) {
            return -1;
          }
        }
        int n = text.length();
        if (p + n > to || !s.regionMatches(ignoreCase, p, text, 0, n)) {
          return -1;
        }
        p += n;
      }
      return p;
    }

    /** The leftmost {@code p} in {@code [from, limit - len]} where this piece matches, or -1. */
    int find(String s, int from, int limit, int len, boolean ignoreCase, VariableSource vars) {
      if (onlyLiteral != null && !ignoreCase) {
        int at = s.indexOf(onlyLiteral, from);
        return at >= 0 && at + len <= limit ? at : -1;
      }
      for (int p = from; p + len <= limit; p++) {
        if (matchAt(s, p, limit, ignoreCase, vars) >= 0) {
          return p;
        }
      }
      return -1;
    }
  }

  /** A literal run, a single-character wildcard, or a variable. */
  private static final class Atom {
    static final int LITERAL = 0;
    static final int ANY = 1;
    static final int VARIABLE = 2;
    static final Atom ANY_CHAR = new Atom(ANY, null, null);

    final int kind;
    final String text;
    final String defaultValue;

    private Atom(int kind, String text, String defaultValue) {
      this.kind = kind;
      this.text = text;
      this.defaultValue = defaultValue;
    }

    static Atom literal(String text) {
      return new Atom(LITERAL, text, null);
    }

    static Atom variable(String lowerKey, String defaultValue) {
      return new Atom(VARIABLE, lowerKey, defaultValue);
    }

    String resolve(VariableSource vars) {
      String value = vars.variableValue(text);
      return value != null ? value : defaultValue;
    }
  }
}

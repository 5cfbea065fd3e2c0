package dev.lanyard.policy.model;

/** The set operator prefix of a condition operator. */
public enum SetQualifier {
  NONE(""),
  FOR_ALL_VALUES("ForAllValues:"),
  FOR_ANY_VALUE("ForAnyValue:");

  private final String prefix;

  SetQualifier(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }
}

package dev.lanyard.policy.validate;

/** How serious a finding is: an ERROR makes AWS refuse the document; a WARNING does not. */
public enum Severity {
  ERROR,
  WARNING
}

package dev.lanyard.sdk.profile;

/** Which of the two AWS files a text is: they differ in how profile sections are named. */
public enum ProfileFileKind {
  /** {@code ~/.aws/credentials}: sections are {@code [name]}. */
  CREDENTIALS,
  /** {@code ~/.aws/config}: sections are {@code [profile name]}, and {@code [default]}. */
  CONFIG
}

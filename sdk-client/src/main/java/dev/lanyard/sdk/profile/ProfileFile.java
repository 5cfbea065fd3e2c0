package dev.lanyard.sdk.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The profiles of the AWS {@code credentials} and {@code config} files, merged: where both files
 * define a profile, the credentials file's properties win.
 */
public final class ProfileFile {
  private final Map<String, Profile> profiles;

  private ProfileFile(Map<String, Profile> profiles) {
    this.profiles = Collections.unmodifiableMap(profiles);
  }

  /** No profiles. */
  public static ProfileFile empty() {
    return new ProfileFile(new LinkedHashMap<>());
  }

  /** Parses one file's text. */
  public static ProfileFile parse(String content, ProfileFileKind kind) {
    return new ProfileFile(new LinkedHashMap<>(ProfileFileParser.parse(content, kind)));
  }

  /**
   * Reads and merges the two files; a file that does not exist contributes nothing.
   *
   * @throws UncheckedIOException when a file exists but cannot be read
   */
  public static ProfileFile load(ProfileFileLocations locations) {
    return read(locations.configFile(), ProfileFileKind.CONFIG)
        .overriddenBy(read(locations.credentialsFile(), ProfileFileKind.CREDENTIALS));
  }

  private static ProfileFile read(Path path, ProfileFileKind kind) {
    try {
      return parse(Files.readString(path, StandardCharsets.UTF_8), kind);
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + kind.name().toLowerCase() + " file " + path
          + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** This file's profiles with {@code overriding}'s properties laid over them. */
  public ProfileFile overriddenBy(ProfileFile overriding) {
    Map<String, Profile> merged = new LinkedHashMap<>(profiles);
    overriding.profiles.forEach((name, profile) -> merged.merge(name, profile, Profile::overriddenBy));
    return new ProfileFile(merged);
  }

  public Optional<Profile> profile(String name) {
    return Optional.ofNullable(profiles.get(name));
  }

  /** All profiles by name, in file order. */
  public Map<String, Profile> profiles() {
    return profiles;
  }

  @Override
  public String toString() {
    return "ProfileFile" + profiles.keySet();
  }
}

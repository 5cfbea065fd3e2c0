package dev.lanyard.sdk.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI user guide's examples of the credentials and config files, and the format's corners. */
class ProfileFileTest {
  static final String AWS_CREDENTIALS = """
      [default]
      aws_access_key_id=AKIAIOSFODNN7EXAMPLE
      aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

      [user1]
      aws_access_key_id=AKIAI44QH8DHBEXAMPLE
      aws_secret_access_key=je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
      """;
  static final String AWS_CONFIG = """
      [default]
      region=us-west-2
      output=json

      [profile user1]
      region=us-east-1
      output=text

      [profile marketingadmin]
      role_arn = arn:aws:iam::123456789012:role/marketingadminrole
      source_profile = user1
      """;

  @Test
  void parsesTheAwsCredentialsExample() {
    ProfileFile file = ProfileFile.parse(AWS_CREDENTIALS, ProfileFileKind.CREDENTIALS);
    assertEquals(List.of("default", "user1"), List.copyOf(file.profiles().keySet()));
    assertEquals(Optional.of("AKIAI44QH8DHBEXAMPLE"), file.profile("user1").get().property("aws_access_key_id"));
    assertEquals(Optional.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        file.profile("default").get().property("aws_secret_access_key"));
  }

  @Test
  void parsesTheAwsConfigExampleWithProfilePrefixes() {
    ProfileFile file = ProfileFile.parse(AWS_CONFIG, ProfileFileKind.CONFIG);
    assertEquals(List.of("default", "user1", "marketingadmin"), List.copyOf(file.profiles().keySet()));
    Profile admin = file.profile("marketingadmin").get();
    assertEquals(Optional.of("arn:aws:iam::123456789012:role/marketingadminrole"), admin.property("role_arn"));
    assertEquals(Optional.of("user1"), admin.property("source_profile"));
  }

  @Test
  void mergesBothFilesWithTheCredentialsFileWinning(@TempDir Path home) throws IOException {
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/credentials"), AWS_CREDENTIALS + "[user1]\nregion=eu-west-1\n");
    Files.writeString(home.resolve(".aws/config"), AWS_CONFIG);
    ProfileFile file = ProfileFile.load(ProfileFileLocations.fromEnvironment(Map.of(), home));
    Profile user1 = file.profile("user1").get();
    assertEquals(Optional.of("eu-west-1"), user1.property("region"));
    assertEquals(Optional.of("text"), user1.property("output"));
    assertEquals(Optional.of("AKIAI44QH8DHBEXAMPLE"), user1.property("aws_access_key_id"));
    assertTrue(file.profile("marketingadmin").isPresent());
  }

  @Test
  void missingFilesContributeNothing(@TempDir Path home) {
    assertTrue(ProfileFile.load(ProfileFileLocations.fromEnvironment(Map.of(), home)).profiles().isEmpty());
  }

  @Test
  void commentsAreIgnoredWhereverTheFormatAllowsThem() {
    ProfileFile file = ProfileFile.parse("""
        # a comment
        ; another comment
        [default] # trailing comment on a section
        region = us-west-2 ; trailing comment
        output = json # trailing comment
        aws_secret_access_key = abc#def;ghi
          # indented comment line
        """, ProfileFileKind.CREDENTIALS);
    Profile profile = file.profile("default").get();
    assertEquals(Optional.of("us-west-2"), profile.property("region"));
    assertEquals(Optional.of("json"), profile.property("output"));
    assertEquals(Optional.of("abc#def;ghi"), profile.property("aws_secret_access_key"), "no whitespace: part of the value");
  }

  @Test
  void continuationLinesJoinThePreviousProperty() {
    ProfileFile file = ProfileFile.parse("""
        [profile dev]
        s3 =
          max_concurrent_requests = 20
          max_queue_size = 10000
        region = us-west-2
        credential_process = /opt/bin/creds
          --profile dev
        """, ProfileFileKind.CONFIG);
    Profile dev = file.profile("dev").get();
    assertEquals(Optional.of("max_concurrent_requests = 20\nmax_queue_size = 10000"), dev.property("s3"));
    assertEquals(Optional.of("us-west-2"), dev.property("region"));
    assertEquals(Optional.of("/opt/bin/creds\n--profile dev"), dev.property("credential_process"));
  }

  @Test
  void sectionsThatAreNotProfilesAreSkippedWithTheirProperties() {
    ProfileFile config = ProfileFile.parse("""
        [sso-session corp]
        sso_region = us-east-1
        [plain]
        region = nowhere
        [profile  spaced ]
        region = ap-south-1
        [profile two words]
        region = nowhere
        """, ProfileFileKind.CONFIG);
    assertEquals(List.of("spaced"), List.copyOf(config.profiles().keySet()));
    ProfileFile credentials = ProfileFile.parse("""
        [profile prefixed]
        aws_access_key_id = AKIANOTUSED000000000
        [ok]
        aws_access_key_id = AKIAUSED000000000000
        """, ProfileFileKind.CREDENTIALS);
    assertEquals(List.of("ok"), List.copyOf(credentials.profiles().keySet()));
  }

  @Test
  void propertiesBeforeAnySectionAndLinesWithoutEqualsAreIgnored() {
    ProfileFile file = ProfileFile.parse("""
        orphan = value
        [default]
        not a property
        region=us-west-2
        """, ProfileFileKind.CREDENTIALS);
    assertEquals(Map.of("region", "us-west-2"), file.profile("default").get().properties());
  }

  @Test
  void toStringShowsNamesNotValues() {
    Profile profile = ProfileFile.parse(AWS_CREDENTIALS, ProfileFileKind.CREDENTIALS).profile("default").get();
    assertFalse(profile.toString().contains("wJalrXUtnFEMI"));
    assertTrue(profile.toString().contains("aws_secret_access_key"));
  }

  @Test
  void locationsFollowTheEnvironment(@TempDir Path home) {
    ProfileFileLocations defaults = ProfileFileLocations.fromEnvironment(Map.of(), home);
    assertEquals(home.resolve(".aws/credentials"), defaults.credentialsFile());
    assertEquals(home.resolve(".aws/config"), defaults.configFile());
    assertEquals("default", defaults.profileName());
    ProfileFileLocations custom = ProfileFileLocations.fromEnvironment(Map.of(
        "AWS_SHARED_CREDENTIALS_FILE", "~/creds", "AWS_CONFIG_FILE", "/etc/aws/config", "AWS_PROFILE", "ci"), home);
    assertEquals(home.resolve("creds"), custom.credentialsFile());
    assertEquals(Path.of("/etc/aws/config"), custom.configFile());
    assertEquals("ci", custom.profileName());
  }
}

package dev.lanyard.sts.e2e;

import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sts.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The bootstrap file the end-to-end tests start nodes with (issue 3's shape): a primary account
 * with users alice (who may assume roles in the partner account) and bob (no policies), and the
 * roles each scenario needs; a partner account whose roles trust the primary account or alice.
 */
final class TwoAccountBootstrap {
  static final String PRIMARY = "111122223333";
  static final String PARTNER = "444455556666";
  static final Credentials ALICE =
      Credentials.longTerm("AKIAE2EALICEKEYAAAAA", "alice-e2e-secret-access-key-0123456789ab");
  static final Credentials BOB =
      Credentials.longTerm("AKIAE2EBOBKEYAAAAAAA", "bob-e2e-secret-access-key-0123456789abcd");
  static final String ALICE_ARN = "arn:aws:iam::" + PRIMARY + ":user/alice";
  static final String EXTERNAL_ID = "partner-ext-12345";
  /** A resource the Authorize scenarios ask about. */
  static final String REPORT = "arn:aws:s3:::reports/2025/q1.csv";

  static final String YAML = """
      accounts:
        - id: "%1$s"
          alias: e2e-primary
          users:
            - name: alice
              tags: {Department: eng}
              inlinePolicies:
                AssumePartnerRoles:
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: sts:AssumeRole
                      Resource: "arn:aws:iam::%2$s:role/*"
              accessKeys:
                - accessKeyId: %3$s
                  secretAccessKey: %4$s
            - name: bob
              accessKeys:
                - accessKeyId: %5$s
                  secretAccessKey: %6$s
          roles:
            - name: Deployer
              maxSessionDuration: 43200
              trustPolicy: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {AWS: "%7$s"}, Action: "sts:AssumeRole"}]}
            - name: Chained
              maxSessionDuration: 43200
              trustPolicy: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {AWS: "arn:aws:iam::%1$s:role/Deployer"}, Action: "sts:AssumeRole"}]}
            - name: Guarded
              trustPolicy:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {AWS: "%7$s"}
                    Action: sts:AssumeRole
                    Condition: {Bool: {"aws:MultiFactorAuthPresent": "true"}}
              inlinePolicies:
                ReadWithMfa:
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: "*"
                      Condition: {Bool: {"aws:MultiFactorAuthPresent": "true"}}
            - name: Vendor
              trustPolicy:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {AWS: "%7$s"}
                    Action: sts:AssumeRole
                    Condition: {StringEquals: {"sts:ExternalId": "%8$s"}}
            - name: Tagged
              tags: {Project: green}
              trustPolicy: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {AWS: "%7$s"}, Action: ["sts:AssumeRole", "sts:TagSession"]}]}
              inlinePolicies:
                ReadBlueProject:
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: "*"
                      Condition: {StringEquals: {"aws:PrincipalTag/Project": "blue"}}
            - name: TagReader
              trustPolicy: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {AWS: "arn:aws:iam::%1$s:role/Tagged"}, Action: ["sts:AssumeRole", "sts:TagSession"]}]}
              inlinePolicies:
                ByTags:
                  Version: "2012-10-17"
                  Statement:
                    - Sid: ReadBlueProject
                      Effect: Allow
                      Action: s3:GetObject
                      Resource: "*"
                      Condition: {StringEquals: {"aws:PrincipalTag/Project": "blue"}}
                    - Sid: WriteCoreTeam
                      Effect: Allow
                      Action: s3:PutObject
                      Resource: "*"
                      Condition: {StringEquals: {"aws:PrincipalTag/Team": "core"}}
            - name: Analyst
              trustPolicy: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {AWS: "%7$s"}, Action: "sts:AssumeRole"}]}
              inlinePolicies:
                S3: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]}
            - name: Revocable
              trustPolicy: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {AWS: "%7$s"}, Action: "sts:AssumeRole"}]}
              inlinePolicies:
                S3: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:GetObject", Resource: "*"}]}
        - id: "%2$s"
          alias: e2e-partner
          roles:
            - name: TrustsAccount
              trustPolicy: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {AWS: "arn:aws:iam::%1$s:root"}, Action: "sts:AssumeRole"}]}
            - name: TrustsAlice
              trustPolicy: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {AWS: "%7$s"}, Action: "sts:AssumeRole"}]}
      """.formatted(PRIMARY, PARTNER, ALICE.accessKeyId(), ALICE.secretAccessKey(), BOB.accessKeyId(),
      BOB.secretAccessKey(), ALICE_ARN, EXTERNAL_ID);

  private TwoAccountBootstrap() {}

  /** Writes the file as {@code bootstrap.yaml} in {@code dir}. */
  static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("bootstrap.yaml"), YAML);
  }

  /** The flags that apply {@code file} at start, plus {@code extra}. */
  static Map<Setting, String> flags(Path file, Map<Setting, String> extra) {
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    flags.put(Setting.BOOTSTRAP, file.toString());
    flags.putAll(extra);
    return flags;
  }

  /** Starts a node in {@code dir}/data with this bootstrap file (written to {@code dir}). */
  static RunningServer start(Path dir, Clock clock) throws IOException {
    return start(dir, clock, Map.of());
  }

  static RunningServer start(Path dir, Clock clock, Map<Setting, String> extra) throws IOException {
    return RunningServer.start(dir.resolve("data"), flags(write(dir), extra), clock);
  }
}

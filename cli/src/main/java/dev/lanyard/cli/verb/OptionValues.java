package dev.lanyard.cli.verb;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Timestamp;
import dev.lanyard.cli.output.AwsNames;
import dev.lanyard.proto.common.v1.Tag;
import dev.lanyard.proto.sts.v1.PolicyDescriptorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads option values written as the AWS CLI writes them: {@code file://PATH} for any text,
 * {@code Key=k,Value=v} tags, {@code arn=ARN} policy descriptors, enum values in AWS's words and
 * ISO-8601 times. Errors name the option and what is accepted, never the value of a secret option.
 */
final class OptionValues {
  private static final String FILE_PREFIX = "file://";

  private OptionValues() {}

  /** The value, or the UTF-8 content of the file it names with {@code file://PATH}. */
  static String text(String option, String value) {
    if (!value.startsWith(FILE_PREFIX)) {
      return value;
    }
    Path file = Path.of(value.substring(FILE_PREFIX.length()));
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new IllegalArgumentException(option + ": cannot read " + file + " (" + e.getClass().getSimpleName()
          + "); give the value itself, or file://PATH of a readable UTF-8 file");
    }
  }

  /** {@code Key=k,Value=v} ({@code Value=} may be empty). */
  static Tag tag(String option, String value) {
    int valueAt = value.indexOf(",Value=");
    if (!value.startsWith("Key=") || valueAt < 0) {
      throw new IllegalArgumentException(option + ": each tag must be written Key=KEY,Value=VALUE, got '" + value + "'");
    }
    String key = value.substring("Key=".length(), valueAt);
    if (key.isEmpty()) {
      throw new IllegalArgumentException(option + ": a tag's Key must not be empty, got '" + value + "'");
    }
    return Tag.newBuilder().setKey(key).setValue(value.substring(valueAt + ",Value=".length())).build();
  }

  /** {@code arn=ARN}, or the ARN alone. */
  static PolicyDescriptorType policyArn(String option, String value) {
    String arn = value.startsWith("arn=") ? value.substring("arn=".length()) : value;
    if (!arn.startsWith("arn:")) {
      throw new IllegalArgumentException(option + ": each policy must be written arn=ARN (or the ARN alone),"
          + " with an ARN such as arn:aws:iam::123456789012:policy/Name, got '" + value + "'");
    }
    return PolicyDescriptorType.newBuilder().setArn(arn).build();
  }

  /** An enum value by its AWS name ({@code Active}), case and separators ignored. */
  static EnumValueDescriptor enumValue(String option, EnumDescriptor type, String value) {
    String wanted = normalized(value);
    List<String> accepted = new ArrayList<>();
    for (EnumValueDescriptor candidate : type.getValues()) {
      if (candidate.getNumber() == 0) {
        continue;
      }
      String name = AwsNames.enumValue(candidate);
      accepted.add(name);
      if (normalized(name).equals(wanted)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(option + ": must be one of " + String.join(", ", accepted) + ", got '" + value + "'");
  }

  /** The AWS names of an enum's values, for help. */
  static List<String> enumNames(EnumDescriptor type) {
    return type.getValues().stream().filter(v -> v.getNumber() != 0).map(AwsNames::enumValue).toList();
  }

  /** An ISO-8601 time: {@code 2026-01-01T00:00:00Z} or with an offset. */
  static Timestamp timestamp(String option, String value) {
    Instant instant;
    try {
      instant = value.endsWith("Z") || value.endsWith("z") ? Instant.parse(value.toUpperCase(Locale.ROOT))
          : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + ": must be an ISO-8601 time such as 2026-01-01T00:00:00Z, got '"
          + value + "'");
    }
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  /** {@code key=value}: the key and the value. */
  static String[] keyValue(String option, String value) {
    int eq = value.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(option + ": each entry must be written KEY=VALUE (e.g. aws:SourceIp=10.0.0.1),"
          + " got '" + value + "'");
    }
    return new String[] {value.substring(0, eq), value.substring(eq + 1)};
  }

  private static String normalized(String name) {
    return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }
}

package dev.lanyard.cli.verb;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.lanyard.cli.output.AwsNames;
import dev.lanyard.proto.authz.v1.ContextValue;
import dev.lanyard.proto.common.v1.Tag;
import dev.lanyard.proto.sts.v1.PolicyDescriptorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of a verb, one per request field the command line can express (text, numbers, flags,
 * enums, times, lists of text, tags, policy ARNs, context entries), and the request built from
 * their values. Fields of other shapes (bytes, nested requests) are left out.
 */
final class RequestOptions {
  private enum Kind { TEXT, INT, LONG, BOOL, ENUM, TIME, TEXT_LIST, TAGS, POLICY_ARNS, CONTEXT }

  private record Binding(FieldDescriptor field, Kind kind, OptionSpec option) {}

  private final Message prototype;
  private final List<Binding> bindings = new ArrayList<>();

  RequestOptions(Verb verb) {
    this.prototype = verb.prototype();
    for (FieldDescriptor field : prototype.getDescriptorForType().getFields()) {
      Kind kind = kind(field);
      if (kind != null) {
        bindings.add(new Binding(field, kind, option(verb, field, kind)));
      }
    }
  }

  void addTo(CommandSpec spec) {
    for (Binding binding : bindings) {
      spec.addOption(binding.option());
    }
  }

  /**
   * The request from the parsed values.
   *
   * @throws IllegalArgumentException naming the option and what it accepts, for a malformed value
   */
  Message build() {
    Message.Builder request = prototype.newBuilderForType();
    for (Binding b : bindings) {
      Object value = b.option().getValue();
      String option = b.option().longestName();
      if (value == null || value instanceof List<?> list && list.isEmpty()) {
        continue;
      }
      FieldDescriptor field = b.field();
      switch (b.kind()) {
        case TEXT -> request.setField(field, OptionValues.text(option, (String) value));
        case INT, LONG, BOOL -> request.setField(field, value);
        case ENUM -> request.setField(field, OptionValues.enumValue(option, field.getEnumType(), (String) value));
        case TIME -> request.setField(field, OptionValues.timestamp(option, (String) value));
        case TEXT_LIST -> strings(value).forEach(v -> request.addRepeatedField(field, OptionValues.text(option, v)));
        case TAGS -> strings(value).forEach(v -> request.addRepeatedField(field, OptionValues.tag(option, v)));
        case POLICY_ARNS -> strings(value).forEach(v -> request.addRepeatedField(field, OptionValues.policyArn(option, v)));
        case CONTEXT -> addContext(request, field, option, strings(value));
      }
    }
    return request.build();
  }

  private static void addContext(Message.Builder request, FieldDescriptor field, String option, List<String> entries) {
    Map<String, ContextValue.Builder> values = new LinkedHashMap<>();
    for (String entry : entries) {
      String[] kv = OptionValues.keyValue(option, entry);
      values.computeIfAbsent(kv[0], k -> ContextValue.newBuilder()).addValues(kv[1]);
    }
    for (Map.Entry<String, ContextValue.Builder> e : values.entrySet()) {
      Message.Builder mapEntry = request.newBuilderForField(field);
      mapEntry.setField(field.getMessageType().findFieldByName("key"), e.getKey());
      mapEntry.setField(field.getMessageType().findFieldByName("value"), e.getValue().build());
      request.addRepeatedField(field, mapEntry.build());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return (List<String>) value;
  }

  private static Kind kind(FieldDescriptor field) {
    if (field.isMapField()) {
      FieldDescriptor value = field.getMessageType().findFieldByName("value");
      boolean context = value.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          && value.getMessageType().getFullName().equals(ContextValue.getDescriptor().getFullName());
      return context ? Kind.CONTEXT : null;
    }
    if (field.isRepeated()) {
      return switch (field.getJavaType()) {
        case STRING -> Kind.TEXT_LIST;
        case MESSAGE -> is(field, Tag.getDescriptor().getFullName()) ? Kind.TAGS
            : is(field, PolicyDescriptorType.getDescriptor().getFullName()) ? Kind.POLICY_ARNS : null;
        default -> null;
      };
    }
    return switch (field.getJavaType()) {
      case STRING -> Kind.TEXT;
      case INT -> Kind.INT;
      case LONG -> Kind.LONG;
      case BOOLEAN -> Kind.BOOL;
      case ENUM -> Kind.ENUM;
      case MESSAGE -> is(field, Timestamp.getDescriptor().getFullName()) ? Kind.TIME : null;
      default -> null;
    };
  }

  private static boolean is(FieldDescriptor field, String messageName) {
    return field.getMessageType().getFullName().equals(messageName);
  }

  private static OptionSpec option(Verb verb, FieldDescriptor field, Kind kind) {
    List<String> names = new ArrayList<>();
    names.add(AwsNames.option(field.getName()));
    names.addAll(verb.aliases().getOrDefault(field.getName(), List.of()));
    String help = FieldHelp.of(field.getName(), "the " + AwsNames.field(field.getName()) + " parameter");
    OptionSpec.Builder option = OptionSpec.builder(names.toArray(String[]::new))
        .required(verb.required().contains(field.getName()));
    switch (kind) {
      case TEXT -> option.type(String.class).paramLabel(label(field)).description(help);
      case INT -> option.type(Integer.class).paramLabel("N").description(help);
      case LONG -> option.type(Long.class).paramLabel("N").description(help);
      case BOOL -> option.type(Boolean.class).arity("0").negatable(true).description(help);
      case ENUM -> option.type(String.class).paramLabel("VALUE")
          .description(help + " (one of " + String.join(", ", OptionValues.enumNames(field.getEnumType())) + ")");
      case TIME -> option.type(String.class).paramLabel("ISO-8601").description(help);
      case TEXT_LIST -> list(option, "TEXT").description(help);
      case TAGS -> list(option, "Key=K,Value=V").description(help);
      case POLICY_ARNS -> list(option, "arn=ARN").description(help);
      case CONTEXT -> list(option, "KEY=VALUE").description(help);
    }
    return option.build();
  }

  private static OptionSpec.Builder list(OptionSpec.Builder option, String label) {
    return option.type(List.class).auxiliaryTypes(String.class).arity("1..*").paramLabel(label);
  }

  private static String label(FieldDescriptor field) {
    String name = field.getName();
    return name.endsWith("document") || name.equals("policy") || name.endsWith("_policy") ? "JSON|file://PATH"
        : name.endsWith("arn") ? "ARN" : "TEXT";
  }
}

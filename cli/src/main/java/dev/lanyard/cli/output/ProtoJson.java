package dev.lanyard.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A response message as the AWS CLI prints it: PascalCase names, ISO-8601 times, enum values in
 * AWS's words, policy documents as JSON objects, and fields the server left unset omitted (a list
 * at the top level is kept even when empty).
 */
public final class ProtoJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ProtoJson() {}

  /** The message as a JSON object. */
  public static ObjectNode toJson(Message message) {
    return object(message, true);
  }

  private static ObjectNode object(Message message, boolean top) {
    ObjectNode node = NODES.objectNode();
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      String name = AwsNames.field(field.getName());
      if (field.isMapField()) {
        List<?> entries = (List<?>) message.getField(field);
        if (!entries.isEmpty() || top) {
          ObjectNode map = node.putObject(name);
          for (Object entry : entries) {
            Message e = (Message) entry;
            FieldDescriptor key = e.getDescriptorForType().findFieldByName("key");
            FieldDescriptor value = e.getDescriptorForType().findFieldByName("value");
            map.set(String.valueOf(e.getField(key)), value(value, e.getField(value)));
          }
        }
      } else if (field.isRepeated()) {
        int count = message.getRepeatedFieldCount(field);
        if (count > 0 || top) {
          ArrayNode array = node.putArray(name);
          for (int i = 0; i < count; i++) {
            array.add(value(field, message.getRepeatedField(field, i)));
          }
        }
      } else if (field.hasPresence()) {
        if (message.hasField(field)) {
          node.set(name, value(field, message.getField(field)));
        }
      } else if (!isEmptyScalar(field, message.getField(field))) {
        node.set(name, value(field, message.getField(field)));
      }
    }
    return node;
  }

  private static boolean isEmptyScalar(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case STRING -> ((String) value).isEmpty();
      case BYTE_STRING -> ((ByteString) value).isEmpty();
      case ENUM -> ((EnumValueDescriptor) value).getNumber() == 0;
      default -> false;
    };
  }

  private static JsonNode value(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case STRING -> text(field, (String) value);
      case INT -> NODES.numberNode((Integer) value);
      case LONG -> NODES.numberNode((Long) value);
      case FLOAT -> NODES.numberNode((Float) value);
      case DOUBLE -> NODES.numberNode((Double) value);
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case ENUM -> NODES.textNode(AwsNames.enumValue((EnumValueDescriptor) value));
      case BYTE_STRING -> NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      case MESSAGE -> value instanceof Timestamp t ? NODES.textNode(time(t)) : object((Message) value, false);
    };
  }

  /** Policy documents are printed as JSON objects, as the AWS CLI does; other text as text. */
  private static JsonNode text(FieldDescriptor field, String value) {
    String name = field.getName();
    if (name.equals("document") || name.endsWith("_document") && !name.startsWith("saml")) {
      try {
        JsonNode parsed = MAPPER.readTree(value);
        if (parsed != null && parsed.isObject()) {
          return parsed;
        }
      } catch (JsonProcessingException e) {
        // not JSON: printed as text
      }
    }
    return NODES.textNode(value);
  }

  /** ISO-8601 in UTC, to the second: {@code 2026-01-01T00:00:00Z}. */
  public static String time(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds()).toString();
  }
}

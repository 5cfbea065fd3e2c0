package dev.lanyard.policy.simulate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the scenario JSON of {@code lanyard policy simulate} into a {@link Scenario}. Policy
 * documents may be JSON objects or strings holding JSON; they are kept as text and parsed later by
 * the {@link Simulator}. Unknown fields, duplicate keys and wrong shapes are errors naming the
 * field. Thread-safe.
 */
public final class ScenarioReader {
  private static final Set<String> SCENARIO_FIELDS =
      Set.of(
          "request",
          "identityPolicies",
          "permissionsBoundary",
          "sessionPolicy",
          "resourcePolicy",
          "serviceControlPolicies",
          "resourceControlPolicies");
  private static final Set<String> REQUEST_FIELDS =
      Set.of("principal", "roleArn", "action", "resource", "resourceAccount", "context");

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES) // 1.50 stays "1.50"
          .build();

  /** Reads one scenario from JSON text. */
  public Scenario read(String json) throws ScenarioException {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ScenarioException("scenario is not valid JSON: " + e.getOriginalMessage()
          + location(e) + "; expected one JSON object", e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ScenarioException("scenario is empty; expected one JSON object");
    }
    return read(root);
  }

  /** Reads one scenario from an already parsed JSON tree. */
  public Scenario read(JsonNode root) throws ScenarioException {
    if (!root.isObject()) {
      throw new ScenarioException(
          "scenario is a " + kind(root) + "; expected a JSON object with a \"request\"");
    }
    rejectUnknown(root, SCENARIO_FIELDS, "scenario");
    JsonNode requestNode = root.get("request");
    if (requestNode == null || requestNode.isNull()) {
      throw new ScenarioException("scenario.request is missing; expected an object with"
          + " \"principal\", \"action\" and \"resource\"");
    }
    return new Scenario(
        request(requestNode),
        policyList(root.get("identityPolicies"), "identityPolicies"),
        optionalPolicy(root.get("permissionsBoundary"), "permissionsBoundary"),
        optionalPolicy(root.get("sessionPolicy"), "sessionPolicy"),
        optionalPolicy(root.get("resourcePolicy"), "resourcePolicy"),
        levels(root.get("serviceControlPolicies"), "serviceControlPolicies"),
        levels(root.get("resourceControlPolicies"), "resourceControlPolicies"));
  }

  private ScenarioRequest request(JsonNode node) throws ScenarioException {
    if (!node.isObject()) {
      throw new ScenarioException("scenario.request is a " + kind(node) + "; expected an object");
    }
    rejectUnknown(node, REQUEST_FIELDS, "request");
    return new ScenarioRequest(
        requiredText(node, "principal", "an ARN such as arn:aws:iam::111122223333:user/alice"),
        optionalText(node, "roleArn"),
        requiredText(node, "action", "service:Action, e.g. s3:GetObject"),
        requiredText(node, "resource", "an ARN or *"),
        optionalText(node, "resourceAccount"),
        context(node.get("context")));
  }

  private Map<String, ContextValue> context(JsonNode node) throws ScenarioException {
    Map<String, ContextValue> context = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return context;
    }
    if (!node.isObject()) {
      throw new ScenarioException("request.context is a " + kind(node)
          + "; expected an object of key to string, number, boolean or array of them");
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String field0 = "request.context[\"" + field.getKey() + "\"]";
      JsonNode value = field.getValue();
      if (value.isArray()) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          values.add(scalar(value.get(i), field0 + "[" + i + "]"));
        }
        context.put(field.getKey(), ContextValue.multi(values));
      } else {
        context.put(field.getKey(), ContextValue.single(scalar(value, field0)));
      }
    }
    return context;
  }

  private static String scalar(JsonNode value, String field) throws ScenarioException {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? "true" : "false";
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isNumber()) {
      return value.decimalValue().toPlainString();
    }
    throw new ScenarioException(
        field + " is a " + kind(value) + "; expected a string, number, boolean or array of them");
  }

  private PolicySource optionalPolicy(JsonNode node, String label) throws ScenarioException {
    if (node == null || node.isNull()) {
      return null;
    }
    return policy(node, label);
  }

  private PolicySource policy(JsonNode node, String label) throws ScenarioException {
    if (node.isTextual()) {
      return new PolicySource(label, node.textValue());
    }
    if (node.isObject()) {
      try {
        return new PolicySource(label, mapper.writeValueAsString(node));
      } catch (JsonProcessingException e) {
        throw new ScenarioException(label + " cannot be written back as JSON text", e);
      }
    }
    throw new ScenarioException(label + " is a " + kind(node)
        + "; expected a policy document as a JSON object or a string holding one");
  }

  private List<PolicySource> policyList(JsonNode node, String label) throws ScenarioException {
    List<PolicySource> policies = new ArrayList<>();
    if (node == null || node.isNull()) {
      return policies;
    }
    if (!node.isArray()) {
      throw new ScenarioException(label + " is a " + kind(node)
          + "; expected an array of policy documents (objects or strings)");
    }
    for (int i = 0; i < node.size(); i++) {
      policies.add(policy(node.get(i), label + "[" + i + "]"));
    }
    return policies;
  }

  private List<List<PolicySource>> levels(JsonNode node, String label) throws ScenarioException {
    List<List<PolicySource>> levels = new ArrayList<>();
    if (node == null || node.isNull()) {
      return levels;
    }
    if (!node.isArray()) {
      throw new ScenarioException(label + " is a " + kind(node) + "; expected an array of levels"
          + " (root first), each an array of policy documents");
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode level = node.get(i);
      String levelLabel = label + "[" + i + "]";
      if (!level.isArray()) {
        throw new ScenarioException(levelLabel + " is a " + kind(level)
            + "; expected an array of policy documents (one organisation level)");
      }
      levels.add(policyList(level, levelLabel));
    }
    return levels;
  }

  private static String requiredText(JsonNode node, String field, String accepted)
      throws ScenarioException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new ScenarioException("request." + field + " is missing; expected " + accepted);
    }
    if (!value.isTextual() || value.textValue().isEmpty()) {
      throw new ScenarioException("request." + field + " is "
          + (value.isTextual() ? "empty" : "a " + kind(value)) + "; expected " + accepted);
    }
    return value.textValue();
  }

  private static String optionalText(JsonNode node, String field) throws ScenarioException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new ScenarioException("request." + field + " is a " + kind(value) + "; expected a string");
    }
    return value.textValue();
  }

  private static void rejectUnknown(JsonNode node, Set<String> known, String where)
      throws ScenarioException {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ScenarioException(where + "." + name + " is not a known field; expected one of "
            + known.stream().sorted().toList());
      }
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "array";
      case OBJECT -> "object";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}

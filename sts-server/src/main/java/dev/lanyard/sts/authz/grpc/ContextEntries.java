package dev.lanyard.sts.authz.grpc;

import dev.lanyard.proto.authz.v1.ContextEntry;
import dev.lanyard.proto.authz.v1.ContextKeyType;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's typed {@code ContextEntries}: each value is checked against its declared type
 * ({@code InvalidInput} naming the entry otherwise) and passed to the engine as text, which parses
 * values by the condition operator that reads them.
 */
final class ContextEntries {
  private ContextEntries() {}

  static Map<String, List<String>> of(List<ContextEntry> entries) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      ContextEntry e = entries.get(i);
      String field = "ContextEntries.member." + (i + 1);
      if (e.getContextKeyName().isEmpty() || e.getContextKeyName().length() > 256) {
        throw invalid(field + ".ContextKeyName", "give a key of 5 to 256 characters, e.g. aws:SourceIp");
      }
      ContextKeyType type = e.getContextKeyType();
      if (type == ContextKeyType.CONTEXT_KEY_TYPE_UNSPECIFIED || type == ContextKeyType.UNRECOGNIZED) {
        throw invalid(field + ".ContextKeyType", "give one of string, stringList, numeric, numericList,"
            + " boolean, booleanList, ip, ipList, binary, binaryList, date, dateList");
      }
      boolean list = type.name().endsWith("_LIST");
      if (!list && e.getContextKeyValuesCount() > 1) {
        throw invalid(field + ".ContextKeyValues", "a " + type + " key takes one value; use the _LIST type");
      }
      for (String v : e.getContextKeyValuesList()) {
        if (!fits(type, v)) {
          throw invalid(field + ".ContextKeyValues", "'" + v + "' is not a " + type.name().toLowerCase()
              + " value");
        }
      }
      keys.put(e.getContextKeyName(), List.copyOf(e.getContextKeyValuesList()));
    }
    return keys;
  }

  private static boolean fits(ContextKeyType type, String v) {
    try {
      switch (type) {
        case NUMERIC, NUMERIC_LIST -> new BigDecimal(v);
        case BOOLEAN, BOOLEAN_LIST -> {
          return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
        }
        case IP, IP_LIST -> {
          return v.matches("[0-9./]+") || v.matches("[0-9A-Fa-f:./]+") && v.contains(":");
        }
        case BINARY, BINARY_LIST -> Base64.getDecoder().decode(v);
        case DATE, DATE_LIST -> {
          if (!v.matches("[0-9]+")) {
            Instant.parse(v);
          }
        }
        default -> {
          return true;
        }
      }
      return true;
    } catch (NumberFormatException | DateTimeParseException e) {
      return false;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static LanyardException invalid(String field, String problem) {
    return new LanyardException(AwsErrorCode.InvalidInput, field + ": " + problem);
  }
}

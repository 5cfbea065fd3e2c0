package dev.lanyard.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Prints a result in the chosen format; an empty result (a delete, an attach) prints nothing, as in the AWS CLI. */
public final class ResultPrinter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The AWS CLI's layout: {@code "Key": value}, arrays one item per line, {@code []} when empty. */
  private static final DefaultPrettyPrinter AWS_LAYOUT = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withArrayEmptySeparator("")
          .withObjectEmptySeparator(""));

  static {
    AWS_LAYOUT.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
  }

  private ResultPrinter() {}

  public static void print(Message response, OutputFormat format, PrintWriter out) {
    print(ProtoJson.toJson(response), format, out);
  }

  public static void print(ObjectNode result, OutputFormat format, PrintWriter out) {
    if (result.isEmpty()) {
      out.flush();
      return;
    }
    if (format == OutputFormat.TABLE) {
      out.print(TextTable.render(result));
    } else {
      out.println(json(result));
    }
    out.flush();
  }

  /** Indented JSON, as the AWS CLI prints it. */
  public static String json(ObjectNode result) {
    try {
      return MAPPER.writer(AWS_LAYOUT).writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

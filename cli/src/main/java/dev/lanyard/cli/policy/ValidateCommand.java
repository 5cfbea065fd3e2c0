package dev.lanyard.cli.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lanyard.policy.parse.PolicyParseException;
import dev.lanyard.policy.parse.PolicyParser;
import dev.lanyard.policy.validate.Finding;
import dev.lanyard.policy.validate.PolicyType;
import dev.lanyard.policy.validate.PolicyValidator;
import dev.lanyard.policy.validate.Severity;
import dev.lanyard.policy.validate.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lanyard policy validate --type TYPE [FILE]}: validates one policy document and prints
 * {@code {"valid": ..., "type": ..., "findings": [...]}} on one line.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Validate one IAM policy document (FILE, or standard input) as AWS would for TYPE,"
        + " and print the findings as JSON.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the document is valid (warnings may be listed)",
      "1:the document is invalid (at least one error finding)",
      "2:bad usage: unknown option or type, missing or unreadable FILE"
    })
public final class ValidateCommand implements Callable<Integer> {
  private static final JsonFactory JSON = new JsonFactory();

  @Spec private CommandSpec spec;

  @Option(
      names = "--type",
      required = true,
      paramLabel = "TYPE",
      converter = PolicyTypeConverter.class,
      description = "identity, resource, trust, boundary, session, scp or rcp")
  private PolicyType type;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "the policy document; standard input when absent")
  private Path file;

  private final InputStream stdin;

  /** A command reading standard input from {@code stdin} when no FILE is given. */
  public ValidateCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    InputText.requireReadable(file, spec);
    byte[] bytes = InputText.readAll(file, stdin, spec);
    ValidationReport report;
    try {
      report = PolicyValidator.validate(InputText.utf8(bytes), type);
    } catch (CharacterCodingException e) {
      report = new ValidationReport(type, List.of(utf8Finding(bytes)), null);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(toJson(report));
    out.flush();
    return report.valid() ? 0 : 1;
  }

  /** The report as one line of JSON. */
  static String toJson(ValidationReport report) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeBooleanField("valid", report.valid());
      json.writeStringField("type", report.type().cliName());
      json.writeArrayFieldStart("findings");
      for (Finding f : report.findings()) {
        json.writeStartObject();
        json.writeStringField("code", f.code());
        json.writeStringField("severity", f.severity().name());
        json.writeStringField("path", f.path());
        json.writeNumberField("line", f.line());
        json.writeNumberField("column", f.column());
        json.writeStringField("message", f.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static Finding utf8Finding(byte[] bytes) {
    try {
      PolicyParser.parse(bytes);
    } catch (PolicyParseException e) {
      return e.finding();
    }
    return new Finding(Finding.MALFORMED_POLICY_DOCUMENT, Severity.ERROR, "$", 1, 1,
        "the document is not valid UTF-8; policy documents must be UTF-8 text");
  }
}

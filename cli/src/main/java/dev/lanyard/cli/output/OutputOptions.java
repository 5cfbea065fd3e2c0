package dev.lanyard.cli.output;

import picocli.CommandLine.Option;

/** The {@code --output json|table} option, a picocli mixin. */
public final class OutputOptions {
  @Option(names = "--output", paramLabel = "json|table", converter = OutputFormat.Converter.class,
      description = "json (default: AWS CLI's JSON shape) or table (aligned text)")
  private OutputFormat format = OutputFormat.JSON;

  public OutputFormat format() {
    return format;
  }
}

package dev.lanyard.cli.output;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How results are printed: AWS CLI style JSON (the default) or an aligned text table. */
public enum OutputFormat {
  JSON,
  TABLE;

  /** Reads {@code --output json|table}. */
  public static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("--output: must be json or table, got '" + value + "'");
      }
    }
  }
}

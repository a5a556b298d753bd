package dev.playfield.sim;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads durations the way people type them: {@code 500ms}, {@code 75s}, {@code 5m}, {@code 1h}; a bare number is seconds. */
final class DurationParser implements CommandLine.ITypeConverter<Duration> {

  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  @Override
  public Duration convert(String text) {
    return parse(text);
  }

  static Duration parse(String text) {
    Matcher m = FORM.matcher(text.trim().toLowerCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a duration such as 500ms, 75s, 5m or 1h");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = switch (unit) {
      case "ms" -> amount;
      case "s" -> amount * 1_000;
      case "m" -> amount * 60_000;
      default -> amount * 3_600_000;
    };
    return Duration.ofMillis(Math.round(millis));
  }
}

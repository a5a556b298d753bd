package dev.playfield.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationParserTest {

  @Test
  void readsTheUnitsPeopleType() {
    assertThat(DurationParser.parse("75s")).isEqualTo(Duration.ofSeconds(75));
    assertThat(DurationParser.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationParser.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationParser.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationParser.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(DurationParser.parse("30")).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void refusesWhatIsNotADuration() {
    assertThatThrownBy(() -> DurationParser.parse("soon")).isInstanceOf(CommandLine.TypeConversionException.class);
  }
}

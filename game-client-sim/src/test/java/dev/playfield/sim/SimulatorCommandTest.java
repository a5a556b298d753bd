package dev.playfield.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulatorCommandTest {

  private static SimSettings parse(String... args) {
    SimulatorCommand command = new SimulatorCommand();
    new CommandLine(command).parseArgs(args);
    return command.settings(command.game());
  }

  @Test
  void repeatedUrlsReplaceTheDefaultAndKeepTheirOrder() {
    SimSettings settings = parse("--url", "ws://127.0.0.1:1/ws", "--url", "ws://127.0.0.1:2/ws",
        "--encoding", "json", "--behavior", "chase", "--duration", "5m");
    assertThat(settings.urls()).containsExactly("ws://127.0.0.1:1/ws", "ws://127.0.0.1:2/ws");
    assertThat(settings.encoding()).isEqualTo(Encoding.JSON);
    assertThat(settings.behavior()).isEqualTo("chase");
    assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void arenaIsTheDefaultGameItsNameTheDefaultModeAndItsFirstBehaviourTheDefaultBehaviour() {
    SimSettings settings = parse();
    assertThat(settings.mode()).isEqualTo("arena");
    assertThat(settings.behavior()).isEqualTo("random-walk");
    assertThat(parse("--mode", "arena-duel").mode()).isEqualTo("arena-duel");
  }

  @Test
  void theBehaviourNamesOfEarlierVersionsStillWork() {
    assertThat(parse("--behavior", "RANDOM_WALK").behavior()).isEqualTo("random-walk");
    assertThat(parse("--behavior", "Chase").behavior()).isEqualTo("chase");
  }

  @Test
  void anUnknownGameOrBehaviourIsRefusedWithWhatThereIs() {
    assertThatThrownBy(() -> parse("--game", "chess"))
        .hasMessageContaining("--game").hasMessageContaining("chess").hasMessageContaining("arena (class path)");
    assertThatThrownBy(() -> parse("--behavior", "teleport"))
        .hasMessageContaining("--behavior").hasMessageContaining("teleport")
        .hasMessageContaining("random-walk, chase");
  }

  @Test
  void badValuesAreRefusedWithTheOptionName() {
    assertThatThrownBy(() -> parse("--encoding", "xml")).hasMessageContaining("--encoding");
    assertThatThrownBy(() -> parse("--url", "http://x/ws")).hasMessageContaining("--url");
    assertThatThrownBy(() -> parse("--duration", "10s", "--warmup", "20s")).hasMessageContaining("--warmup");
  }

  @Test
  void theHtmlReportSitsBesideTheJsonOne() {
    assertThat(SimulatorCommand.htmlBeside(Path.of("out", "run.json"))).isEqualTo(Path.of("out", "run.html"));
    assertThat(SimulatorCommand.htmlBeside(Path.of("run"))).isEqualTo(Path.of("run.html"));
  }
}

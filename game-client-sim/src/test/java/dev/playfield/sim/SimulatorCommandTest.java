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
    return command.settings();
  }

  @Test
  void repeatedUrlsReplaceTheDefaultAndKeepTheirOrder() {
    SimSettings settings = parse("--url", "ws://127.0.0.1:1/ws", "--url", "ws://127.0.0.1:2/ws",
        "--encoding", "json", "--behavior", "chase", "--duration", "5m");
    assertThat(settings.urls()).containsExactly("ws://127.0.0.1:1/ws", "ws://127.0.0.1:2/ws");
    assertThat(settings.encoding()).isEqualTo(Encoding.JSON);
    assertThat(settings.behavior()).isEqualTo(BehaviorKind.CHASE);
    assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(5));
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

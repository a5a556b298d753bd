package dev.playfield.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.core.ConsoleAppender;
import dev.playfield.config.ConfigLoader;
import dev.playfield.config.PlayfieldConfig;
import io.vertx.core.Vertx;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ops keys go through the same layers as every other key, and bad values stop the start. */
class OpsConfigTest {

  private static PlayfieldConfig load(Map<String, String> env) {
    Vertx vertx = Vertx.vertx();
    try {
      return ConfigLoader.load(vertx, env).await();
    } finally {
      vertx.close();
    }
  }

  @Test
  void adminTokenAndLogSettingsComeFromTheEnvironment() {
    PlayfieldConfig config = load(Map.of("PLAYFIELD_ADMIN_TOKEN", "0123456789abcdef-token",
        "PLAYFIELD_LOG_LEVEL", "debug", "PLAYFIELD_LOG_FORMAT", "JSON"));
    assertThat(config.admin().token()).isEqualTo("0123456789abcdef-token");
    assertThat(config.admin().enabled()).isTrue();
    assertThat(config.log().level()).isEqualTo("DEBUG");
    assertThat(config.log().format()).isEqualTo("json");
    assertThat(load(Map.of()).admin().enabled()).as("disabled by default").isFalse();
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> load(Map.of("PLAYFIELD_ADMIN_TOKEN", "short")))
        .hasMessageContaining("admin.token").hasMessageContaining("16");
    assertThatThrownBy(() -> load(Map.of("PLAYFIELD_LOG_LEVEL", "LOUD")))
        .hasMessageContaining("log.level").hasMessageContaining("LOUD");
    assertThatThrownBy(() -> load(Map.of("PLAYFIELD_LOG_FORMAT", "xml")))
        .hasMessageContaining("log.format");
  }

  @Test
  void theConfiguredLevelAndFormatAreApplied() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    var console = (ConsoleAppender<?>) root.getAppender("STDOUT");
    var encoderBefore = console.getEncoder();
    try {
      LogSetup.apply(new PlayfieldConfig.LogConfig("WARN", "json"));
      assertThat(root.getLevel()).isEqualTo(Level.WARN);
      assertThat(console.getEncoder()).isInstanceOf(JsonEncoder.class);
    } finally {
      root.setLevel(before);
      console.stop();
      @SuppressWarnings({"unchecked", "rawtypes"})
      ConsoleAppender<Object> raw = (ConsoleAppender) console;
      raw.setEncoder((ch.qos.logback.core.encoder.Encoder) encoderBefore);
      console.start();
    }
  }
}

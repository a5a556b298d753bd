package dev.playfield.examples.liarsdice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.examples.liarsdice.bot.LiarsDiceBots;
import dev.playfield.game.GameType;
import dev.playfield.game.bot.GameBots;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** A node and the bot simulator find the game and its bots through ServiceLoader, as they will in the jar. */
class ServiceFilesTest {

  @Test
  void theServiceFilesNameTheGameAndItsBots() throws IOException {
    assertThat(lines("META-INF/services/" + GameType.class.getName())).containsExactly(LiarsDiceType.class.getName());
    assertThat(lines("META-INF/services/" + GameBots.class.getName())).containsExactly(LiarsDiceBots.class.getName());
  }

  @Test
  void serviceLoaderFindsTheGame() {
    List<GameType> games = ServiceLoader.load(GameType.class).stream().map(ServiceLoader.Provider::get).toList();
    assertThat(games).singleElement().satisfies(game -> {
      assertThat(game).isInstanceOf(LiarsDiceType.class);
      assertThat(game.name()).isEqualTo("liars-dice");
    });
  }

  @Test
  void serviceLoaderFindsTheBotsOfTheSameGame() {
    List<GameBots> bots = ServiceLoader.load(GameBots.class).stream().map(ServiceLoader.Provider::get).toList();
    assertThat(bots).singleElement().satisfies(found -> assertThat(found.game()).isEqualTo(new LiarsDiceType().name()));
  }

  private List<String> lines(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
  }
}

package dev.playfield.examples.liarsdice.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import dev.playfield.examples.liarsdice.LiarsDiceType;
import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.RoundEndCause;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.PlayerInput;
import dev.playfield.game.bot.BotPlayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Bots play whole matches against each other through the game, as a host would run them: every
 * input they make is one the game accepts, no turn of theirs runs out, and every match ends.
 */
class BotsPlayTest {

  private static final int TICK_RATE = 10;
  /** Five dice each, six players: 30 rounds at most, each a few turns; far below this. */
  private static final int MAX_TICKS = 20_000;

  @Property(tries = 40)
  void botsPlayValidMovesToTheEnd(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int players) {
    LiarsDiceType type = new LiarsDiceType();
    List<String> names = new ArrayList<>();
    List<BotPlayer> bots = new ArrayList<>();
    LiarsDiceBots kinds = new LiarsDiceBots();
    for (int slot = 0; slot < players; slot++) {
      names.add("bot-" + slot);
      BotPlayer bot = kinds.create(kinds.behaviours().get(slot % 2), seed + slot);
      bot.matchStarted(slot, players);
      bots.add(bot);
    }
    Game game = type.create(new GameSetup(seed, TICK_RATE, names, Map.of()));
    int ticks = 0;
    while (!game.finished() && ticks++ < MAX_TICKS) {
      List<PlayerInput> inputs = new ArrayList<>();
      for (int slot = 0; slot < players; slot++) {
        bots.get(slot).observe(Any.pack(game.view(slot)));
        int from = slot;
        bots.get(slot).nextInput(ticks).ifPresent(input -> {
          assertThat(type.rejectReason(input)).isEmpty();
          inputs.add(new PlayerInput(from, input));
        });
      }
      game.tick(inputs);
      for (int slot = 0; slot < players; slot++) {
        LiarsDiceState view = (LiarsDiceState) game.view(slot);
        assertThat(view.getLastRejection()).as("slot %d at tick %d", slot, ticks).isEmpty();
        assertThat(view.getRoundEnd().getCause()).isNotEqualTo(RoundEndCause.ROUND_END_CAUSE_TIMEOUT);
      }
    }
    assertThat(game.finished()).isTrue();
  }
}

package dev.playfield.examples.liarsdice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.PlayerSeat;
import dev.playfield.examples.liarsdice.proto.RoundEndCause;
import dev.playfield.game.Game;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The properties are only as good as the play they run: this checks that the scripts reach every
 * part of the rules (challenges, timeouts, eliminations, leaves, refused inputs, finished games).
 */
class ScriptedPlayTest {

  @Test
  void scriptedPlayReachesEveryPartOfTheRules() {
    Set<String> seen = new HashSet<>();
    int finished = 0;
    for (long script = 1; script <= 40; script++) {
      int players = 2 + (int) (script % 5);
      Game game = Tables.TYPE.create(Tables.setup(script, players, ScriptedPlay.FAST));
      ScriptedPlay play = new ScriptedPlay(script);
      for (int step = 0; step < 1_500 && !game.finished(); step++) {
        play.step(game, players, step);
        for (int slot = 0; slot < players; slot++) {
          note((LiarsDiceState) game.view(slot), seen);
        }
      }
      finished += game.finished() ? 1 : 0;
    }
    assertThat(seen).contains("challenge", "timeout", "eliminated", "left", "rejected", "no die lost");
    assertThat(finished).as("matches that ended within 1,500 ticks").isGreaterThan(30);
  }

  private static void note(LiarsDiceState view, Set<String> seen) {
    if (view.getRoundEnd().getCause() == RoundEndCause.ROUND_END_CAUSE_CHALLENGE) {
      seen.add("challenge");
      if (!view.getRoundEnd().getDieLost()) {
        seen.add("no die lost");
      }
    }
    if (view.getRoundEnd().getCause() == RoundEndCause.ROUND_END_CAUSE_TIMEOUT) {
      seen.add("timeout");
    }
    for (PlayerSeat seat : view.getPlayersList()) {
      seen.add(seat.getStatus().name().substring("SEAT_STATUS_".length()).toLowerCase());
    }
    if (!view.getLastRejection().isEmpty()) {
      seen.add("rejected");
    }
  }
}

package dev.playfield.examples.liarsdice;

import static dev.playfield.examples.liarsdice.Tables.bid;
import static dev.playfield.examples.liarsdice.Tables.bidding;
import static dev.playfield.examples.liarsdice.Tables.cup;
import static dev.playfield.examples.liarsdice.Tables.idle;
import static dev.playfield.examples.liarsdice.Tables.setup;
import static dev.playfield.examples.liarsdice.Tables.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.PlayerSeat;
import dev.playfield.examples.liarsdice.proto.RoundEnd;
import dev.playfield.examples.liarsdice.proto.RoundEndCause;
import dev.playfield.examples.liarsdice.proto.Stage;
import dev.playfield.game.Game;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The turn timer: a turn that runs out costs a die; an absent player's turn runs out like any other. */
class TurnTimerTest {

  private static final int TURN_TICKS = 2 * Tables.TICK_RATE;
  private static final Map<String, Object> TWO_SECOND_TURNS = Map.of("turn-seconds", 2, "reveal-seconds", 1);

  private final Game game = bidding(setup(3, TWO_SECOND_TURNS), 0, cup(1, 2, 3), cup(4, 5, 6), cup(2, 2, 2));

  @Test
  void aTurnThatRunsOutCostsThePlayerADieWithoutLiftingAnyCup() {
    idle(game, TURN_TICKS - 1);
    assertThat(state(game, 0).getStage()).isEqualTo(Stage.STAGE_BIDDING);

    idle(game, 1);

    LiarsDiceState table = state(game, 1);
    assertThat(table.getStage()).isEqualTo(Stage.STAGE_ROUND_OVER);
    RoundEnd end = table.getRoundEnd();
    assertThat(end.getCause()).isEqualTo(RoundEndCause.ROUND_END_CAUSE_TIMEOUT);
    assertThat(end.getDieLost()).isTrue();
    assertThat(end.getLoser()).isZero();
    assertThat(end.getHandsList()).isEmpty();
    assertThat(table.getPlayersList()).extracting(PlayerSeat::getDice).containsExactly(2, 3, 3);
  }

  @Test
  void thePlayerWhoRanOutOfTimeOpensTheNextRound() {
    game.tick(List.of(bid(0, 1, 2, 2)));
    idle(game, TURN_TICKS);        // player 1 lets the turn run out
    idle(game, Tables.TICK_RATE);  // the one-second pause after the round

    LiarsDiceState table = state(game, 0);
    assertThat(table.getStage()).isEqualTo(Stage.STAGE_BIDDING);
    assertThat(table.getRound()).isEqualTo(2);
    assertThat(table.getCurrentPlayer()).isEqualTo(1);
    assertThat(table.getPlayers(1).getDice()).isEqualTo(2);
  }

  @Test
  void anInputOnTheLastTickOfTheTurnStillCounts() {
    idle(game, TURN_TICKS - 1);
    game.tick(List.of(bid(0, 1, 1, 6)));

    LiarsDiceState table = state(game, 0);
    assertThat(table.getStage()).isEqualTo(Stage.STAGE_BIDDING);
    assertThat(table.getCurrentPlayer()).isEqualTo(1);
    assertThat(table.getPlayers(0).getDice()).isEqualTo(3);
  }

  @Test
  void runningOutOfTimeWithTheLastDieEliminates() {
    Game duel = bidding(setup(2, TWO_SECOND_TURNS), 1, cup(3, 3), cup(4));
    idle(duel, TURN_TICKS);

    assertThat(duel.finished()).isTrue();
    assertThat(state(duel, 0).getWinner()).isZero();
    assertThat(state(duel, 0).getRoundEnd().getEliminated()).isTrue();
  }

  @Test
  void anAbsentPlayerKeepsTheSeatAndTheTimerRuns() {
    LiarsDiceState before = state(game, 1);
    game.absent(0);
    assertThat(state(game, 1)).isEqualTo(before);

    idle(game, TURN_TICKS);
    assertThat(state(game, 1).getRoundEnd().getLoser()).isZero();
  }

  @Test
  void anAbsentPlayerWhoComesBackInTimePlaysOn() {
    game.absent(0);
    idle(game, TURN_TICKS / 2);
    game.tick(List.of(bid(0, 1, 1, 2)));

    assertThat(state(game, 0).getBidsCount()).isEqualTo(1);
    assertThat(state(game, 0).getCurrentPlayer()).isEqualTo(1);
  }

  @Test
  void theDeadlineIsStableWhileTheTurnLasts() {
    long endsAt = state(game, 2).getEndsAtTick();
    assertThat(endsAt).isEqualTo(TURN_TICKS);
    idle(game, TURN_TICKS - 1);
    assertThat(state(game, 2).getEndsAtTick()).isEqualTo(endsAt);
    assertThat(state(game, 2).getStageTicks()).isEqualTo(TURN_TICKS);
  }
}

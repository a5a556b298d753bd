package dev.playfield.examples.liarsdice;

import dev.playfield.examples.liarsdice.proto.Bid;
import dev.playfield.examples.liarsdice.proto.CallLiar;
import dev.playfield.examples.liarsdice.proto.LiarsDiceInput;
import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.PlacedBid;
import dev.playfield.game.Game;
import dev.playfield.game.PlayerInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A random but replayable way to play: step {@code n} of script {@code seed} always makes the same
 * choices given the same views, so two equal games fed the same script stay equal, and a game
 * restored at step {@code n} can be fed the rest of the script. Mostly sensible bids and calls,
 * with idle turns (so timers run out), inputs out of turn or for an old turn, a few leaves and
 * absences.
 */
final class ScriptedPlay {

  /** Short stages, so that timeouts and the pauses between rounds happen within a few hundred ticks. */
  static final Map<String, Object> FAST = Map.of("turn-seconds", 0.8, "reveal-seconds", 0.3, "dice-per-player", 3);

  private final long seed;

  ScriptedPlay(long seed) {
    this.seed = seed;
  }

  /** Plays step {@code step}: maybe a leave or an absence, then one tick. No-op once finished. */
  void step(Game game, int players, int step) {
    if (game.finished()) {
      return;
    }
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + step);
    int event = random.nextInt(200);
    if (event == 0) {
      game.leave(random.nextInt(players));
    } else if (event == 1) {
      game.absent(random.nextInt(players));
    }
    if (game.finished()) {
      return;
    }
    List<PlayerInput> inputs = new ArrayList<>();
    for (int slot = 0; slot < players; slot++) {
      LiarsDiceState view = (LiarsDiceState) game.view(slot);
      int kind = random.nextInt(20);
      if (kind < 8 && view.getCurrentPlayer() == slot) {
        inputs.add(new PlayerInput(slot, sensible(view, random)));
      } else if (kind == 8) {
        inputs.add(new PlayerInput(slot, anyBid(view.getTurn() + random.nextInt(-1, 2), random)));
      } else if (kind == 9) {
        inputs.add(new PlayerInput(slot, LiarsDiceInput.newBuilder().setTurn(view.getTurn())
            .setCallLiar(CallLiar.getDefaultInstance()).build()));
      }
    }
    game.tick(inputs);
  }

  /** A raise of the last bid (by one die, or to a higher face), or a call once a few bids are down. */
  private static LiarsDiceInput sensible(LiarsDiceState view, SplittableRandom random) {
    LiarsDiceInput.Builder input = LiarsDiceInput.newBuilder().setTurn(view.getTurn());
    if (view.getBidsCount() == 0) {
      return input.setBid(Bid.newBuilder().setQuantity(1).setFace(1 + random.nextInt(6))).build();
    }
    PlacedBid last = view.getBids(view.getBidsCount() - 1);
    if (random.nextInt(3) == 0 || last.getQuantity() >= view.getDiceInPlay()) {
      return input.setCallLiar(CallLiar.getDefaultInstance()).build();
    }
    boolean higherFace = last.getFace() < 6 && random.nextBoolean();
    Bid raise = higherFace
        ? Bid.newBuilder().setQuantity(last.getQuantity()).setFace(last.getFace() + 1).build()
        : Bid.newBuilder().setQuantity(last.getQuantity() + 1).setFace(1 + random.nextInt(6)).build();
    return input.setBid(raise).build();
  }

  /** Any well-formed bid, for any turn: mostly refused by the table, never by the input check. */
  private static LiarsDiceInput anyBid(int turn, SplittableRandom random) {
    return LiarsDiceInput.newBuilder().setTurn(Math.max(1, turn))
        .setBid(Bid.newBuilder().setQuantity(1 + random.nextInt(20)).setFace(1 + random.nextInt(6))).build();
  }
}

package dev.playfield.examples.liarsdice;

import dev.playfield.examples.liarsdice.proto.Bid;
import dev.playfield.examples.liarsdice.proto.CallLiar;
import dev.playfield.examples.liarsdice.proto.LiarsDiceInput;
import dev.playfield.examples.liarsdice.proto.LiarsDiceSnapshot;
import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.SeatStatus;
import dev.playfield.examples.liarsdice.proto.SnapshotSeat;
import dev.playfield.examples.liarsdice.proto.Stage;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.PlayerInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Test fixtures: setups, tables with dice chosen by the test (restored from a snapshot written
 * here, through the public {@link LiarsDiceType#restore}), and the inputs players send.
 */
final class Tables {

  static final int TICK_RATE = 10;
  static final LiarsDiceType TYPE = new LiarsDiceType();

  private Tables() {}

  static GameSetup setup(int players) {
    return setup(players, Map.of());
  }

  static GameSetup setup(int players, Map<String, Object> settings) {
    return setup(42, players, settings);
  }

  static GameSetup setup(long seed, int players, Map<String, Object> settings) {
    List<String> names = new ArrayList<>();
    for (int slot = 0; slot < players; slot++) {
      names.add("player-" + slot);
    }
    return new GameSetup(seed, TICK_RATE, names, settings);
  }

  /** A match in round 1, turn 1, before any bid: {@code current} to open, each player holding the given cup. */
  static Game bidding(GameSetup setup, int current, int[]... cups) {
    if (cups.length != setup.players()) {
      throw new IllegalArgumentException("one cup per player");
    }
    LiarsDiceSnapshot.Builder snapshot = LiarsDiceSnapshot.newBuilder()
        .setGame("liars-dice")
        .setRngState(7)
        .setRound(1)
        .setTurn(1)
        .setStage(Stage.STAGE_BIDDING)
        .setCurrentPlayer(current)
        .setEndsAtTick(LiarsDiceRules.from(setup).turnTicks());
    for (int slot = 0; slot < cups.length; slot++) {
      SnapshotSeat.Builder seat = SnapshotSeat.newBuilder().setSlot(slot).setStatus(SeatStatus.SEAT_STATUS_IN);
      Arrays.stream(cups[slot]).sorted().forEach(seat::addDice);
      snapshot.addSeats(seat);
    }
    return TYPE.restore(setup, snapshot.build().toByteArray());
  }

  static int[] cup(int... dice) {
    return dice;
  }

  static PlayerInput bid(int slot, int turn, int quantity, int face) {
    return new PlayerInput(slot, LiarsDiceInput.newBuilder().setTurn(turn)
        .setBid(Bid.newBuilder().setQuantity(quantity).setFace(face)).build());
  }

  static PlayerInput liar(int slot, int turn) {
    return new PlayerInput(slot, LiarsDiceInput.newBuilder().setTurn(turn)
        .setCallLiar(CallLiar.getDefaultInstance()).build());
  }

  /** The current player bids, answering the current turn. */
  static void bid(Game game, int quantity, int face) {
    LiarsDiceState table = state(game, 0);
    game.tick(List.of(bid(table.getCurrentPlayer(), table.getTurn(), quantity, face)));
  }

  /** The current player calls liar on the last bid. */
  static void liar(Game game) {
    LiarsDiceState table = state(game, 0);
    game.tick(List.of(liar(table.getCurrentPlayer(), table.getTurn())));
  }

  static void idle(Game game, int ticks) {
    for (int i = 0; i < ticks && !game.finished(); i++) {
      game.tick(List.of());
    }
  }

  static LiarsDiceState state(Game game, int slot) {
    return (LiarsDiceState) game.view(slot);
  }

  static LiarsDiceSnapshot snapshotOf(Game game) {
    try {
      return LiarsDiceSnapshot.parseFrom(game.snapshot());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError("the game wrote a snapshot it cannot read", e);
    }
  }

  static List<Integer> dice(int... dice) {
    return Arrays.stream(dice).boxed().toList();
  }
}

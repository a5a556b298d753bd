package com.example.highlow;

import com.example.highlow.proto.Guess;
import com.example.highlow.proto.HighLowState;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.PlayerInput;
import dev.playfield.game.SeededRandom;
import dev.playfield.game.Standing;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One match of high-low. The host calls it from one thread. It reads no clock: time is ticks, and
 * a turn that lasts longer than turn-seconds times the tick rate passes to the next player.
 */
final class HighLowGame implements Game {

  private final int players;
  private final int secret;
  private final long ticksPerTurn;
  private final boolean[] left;
  private long ticksInTurn;
  private HighLowState state;

  private HighLowGame(GameSetup setup, int secret, boolean[] left, long ticksInTurn, HighLowState state) {
    this.players = setup.players();
    this.secret = secret;
    this.ticksPerTurn = state.getTurnSeconds() * (long) setup.tickRate();
    this.left = left;
    this.ticksInTurn = ticksInTurn;
    this.state = state;
  }

  static HighLowGame start(GameSetup setup) {
    int max = (int) setup.number("max-number", 100);
    int turnSeconds = (int) setup.number("turn-seconds", 30);
    int secret = 1 + new SeededRandom(setup.seed()).nextInt(max);
    HighLowState first = HighLowState.newBuilder().setMaxNumber(max).setTurnSeconds(turnSeconds).build();
    return new HighLowGame(setup, secret, new boolean[setup.players()], 0, first);
  }

  @Override
  public void tick(List<PlayerInput> inputs) {
    for (PlayerInput input : inputs) {
      if (finished() || input.slot() != state.getTurnSlot()) {
        continue; // not their turn: ignored
      }
      int number = ((Guess) input.input()).getNumber();
      HighLowState.Builder next = state.toBuilder().setLastGuess(number).setTurn(state.getTurn() + 1);
      if (number == secret) {
        next.setHint("right").setWinner(input.slot());
      } else {
        next.setHint(number < secret ? "higher" : "lower").setTurnSlot(nextPlayer(input.slot()));
      }
      state = next.build();
      ticksInTurn = 0;
    }
    if (!finished() && ++ticksInTurn > ticksPerTurn) {
      state = state.toBuilder().setHint("timeout").setTurn(state.getTurn() + 1)
          .setTurnSlot(nextPlayer(state.getTurnSlot())).build();
      ticksInTurn = 0;
    }
  }

  @Override
  public void leave(int slot) {
    left[slot] = true;
    if (!finished() && slot == state.getTurnSlot()) {
      state = state.toBuilder().setTurn(state.getTurn() + 1).setTurnSlot(nextPlayer(slot)).build();
      ticksInTurn = 0;
    }
  }

  private int nextPlayer(int slot) {
    for (int step = 1; step <= players; step++) {
      int candidate = (slot + step) % players;
      if (!left[candidate]) {
        return candidate;
      }
    }
    return slot;
  }

  @Override
  public Message view(int slot) {
    return state; // everyone sees the same: the secret never leaves the server
  }

  @Override
  public boolean sharedView() {
    return true;
  }

  @Override
  public boolean finished() {
    return state.hasWinner();
  }

  @Override
  public List<Standing> standings() {
    List<Standing> standings = new ArrayList<>();
    for (int slot = 0; slot < players; slot++) {
      boolean won = state.hasWinner() && state.getWinner() == slot;
      standings.add(new Standing(slot, won ? 1 : 2, won ? 1 : 0));
    }
    standings.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
    return standings;
  }

  @Override
  public byte[] snapshot() {
    byte[] view = state.toByteArray();
    ByteBuffer out = ByteBuffer.allocate(4 + 8 + players + view.length).putInt(secret).putLong(ticksInTurn);
    for (boolean gone : left) {
      out.put((byte) (gone ? 1 : 0));
    }
    return out.put(view).array();
  }

  static HighLowGame restore(GameSetup setup, byte[] snapshot) {
    try {
      ByteBuffer in = ByteBuffer.wrap(snapshot);
      int secret = in.getInt();
      long ticksInTurn = in.getLong();
      boolean[] left = new boolean[setup.players()];
      for (int slot = 0; slot < left.length; slot++) {
        left[slot] = in.get() == 1;
      }
      byte[] view = new byte[in.remaining()];
      in.get(view);
      return new HighLowGame(setup, secret, left, ticksInTurn, HighLowState.parseFrom(view));
    } catch (RuntimeException | InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a high-low snapshot", e);
    }
  }
}

package com.example.highlow;

import com.example.highlow.proto.Guess;
import com.example.highlow.proto.HighLowState;
import com.google.protobuf.Message;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.PlayerInput;
import dev.playfield.game.SeededRandom;
import dev.playfield.game.Standing;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** One match of high-low. The host calls it from one thread; it reads no clock and no randomness but its seed. */
final class HighLowGame implements Game {

  private final int players;
  private final int secret;
  private final boolean[] left;
  private HighLowState state;

  private HighLowGame(int players, int secret, boolean[] left, HighLowState state) {
    this.players = players;
    this.secret = secret;
    this.left = left;
    this.state = state;
  }

  static HighLowGame start(GameSetup setup) {
    int max = (int) setup.number("max-number", 100);
    int secret = 1 + new SeededRandom(setup.seed()).nextInt(max);
    return new HighLowGame(setup.players(), secret, new boolean[setup.players()], HighLowState.getDefaultInstance());
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
    }
  }

  @Override
  public void leave(int slot) {
    left[slot] = true;
    if (!finished() && slot == state.getTurnSlot()) {
      state = state.toBuilder().setTurnSlot(nextPlayer(slot)).build();
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
    ByteBuffer out = ByteBuffer.allocate(4 + players + view.length).putInt(secret);
    for (boolean gone : left) {
      out.put((byte) (gone ? 1 : 0));
    }
    return out.put(view).array();
  }

  static HighLowGame restore(GameSetup setup, byte[] snapshot) {
    try {
      ByteBuffer in = ByteBuffer.wrap(snapshot);
      int secret = in.getInt();
      boolean[] left = new boolean[setup.players()];
      for (int slot = 0; slot < left.length; slot++) {
        left[slot] = in.get() == 1;
      }
      byte[] view = new byte[in.remaining()];
      in.get(view);
      return new HighLowGame(setup.players(), secret, left, HighLowState.parseFrom(view));
    } catch (RuntimeException | com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a high-low snapshot", e);
    }
  }
}

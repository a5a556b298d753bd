package com.example.highlow;

import com.example.highlow.proto.Guess;
import com.example.highlow.proto.HighLowState;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.playfield.game.bot.BotPlayer;
import dev.playfield.game.bot.GameBots;
import java.util.List;
import java.util.Optional;

/** Bots for load tests: on its turn a bot halves the range the hints leave. */
public final class HighLowBots implements GameBots {

  @Override
  public String game() {
    return "high-low";
  }

  @Override
  public List<String> behaviours() {
    return List.of("halving");
  }

  @Override
  public BotPlayer create(String behaviour, long seed) {
    return new Halving();
  }

  static final class Halving implements BotPlayer {
    private int slot;
    private int low;
    private int high;
    private int answeredTurn;
    private HighLowState last;

    @Override
    public void matchStarted(int slot, int players) {
      this.slot = slot;
      low = 1;
      high = Integer.MAX_VALUE; // narrowed to the state's max_number by the first state
      answeredTurn = -1;
      last = null;
    }

    @Override
    public void observe(Any state) {
      try {
        last = state.unpack(HighLowState.class);
      } catch (InvalidProtocolBufferException e) {
        last = null;
      }
      if (last != null) {
        high = Math.min(high, last.getMaxNumber());
      }
      if (last != null && last.getHint().equals("higher")) {
        low = Math.max(low, last.getLastGuess() + 1);
      } else if (last != null && last.getHint().equals("lower")) {
        high = Math.min(high, last.getLastGuess() - 1);
      }
    }

    @Override
    public Optional<Message> nextInput(long nowNanos) {
      if (last == null || last.hasWinner() || last.getTurnSlot() != slot || last.getTurn() == answeredTurn) {
        return Optional.empty();
      }
      answeredTurn = last.getTurn(); // one guess per turn
      return Optional.of(Guess.newBuilder().setNumber((low + high) / 2).build());
    }
  }
}

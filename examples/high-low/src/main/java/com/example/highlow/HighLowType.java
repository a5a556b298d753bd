package com.example.highlow;

import com.example.highlow.proto.Guess;
import com.example.highlow.proto.HighLowState;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import dev.playfield.game.Game;
import dev.playfield.game.GameMode;
import dev.playfield.game.GameSetup;
import dev.playfield.game.GameType;
import dev.playfield.game.StateStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** High-low: the server thinks of a number; players guess in turn; "higher" or "lower" helps. */
public final class HighLowType implements GameType {

  @Override
  public String name() {
    return "high-low";
  }

  @Override
  public List<GameMode> modes() {
    return List.of(new GameMode("high-low", 4, 2, 10, Map.of("max-number", 100, "turn-seconds", 30)));
  }

  @Override
  public StateStream stateStream() {
    return StateStream.ON_CHANGE;
  }

  @Override
  public Optional<String> pageResources() {
    return Optional.of("web/high-low");
  }

  @Override
  public Class<? extends Message> inputType() {
    return Guess.class;
  }

  @Override
  public Iterable<Descriptor> messageTypes() {
    return List.of(Guess.getDescriptor(), HighLowState.getDescriptor());
  }

  @Override
  public Optional<String> rejectReason(Message input) {
    Guess guess = (Guess) input;
    return guess.getNumber() >= 1 ? Optional.empty() : Optional.of("a guess is 1 or more");
  }

  @Override
  public Game create(GameSetup setup) {
    return HighLowGame.start(setup);
  }

  @Override
  public Game restore(GameSetup setup, byte[] snapshot) {
    return HighLowGame.restore(setup, snapshot);
  }
}

package echo;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Message;
import com.google.protobuf.StringValue;
import dev.playfield.game.Game;
import dev.playfield.game.GameMode;
import dev.playfield.game.GameSetup;
import dev.playfield.game.GameType;
import dev.playfield.game.StateStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The test plug-in's game as far as the simulator cares: its message types and its state stream. */
public final class EchoGame implements GameType {

  @Override
  public String name() {
    return "echo";
  }

  @Override
  public List<GameMode> modes() {
    return List.of(new GameMode("echo", 2, 2, 10, Map.of()));
  }

  @Override
  public StateStream stateStream() {
    return StateStream.ON_CHANGE;
  }

  @Override
  public Class<? extends Message> inputType() {
    return StringValue.class;
  }

  @Override
  public Iterable<Descriptor> messageTypes() {
    return List.of(StringValue.getDescriptor(), Int32Value.getDescriptor());
  }

  @Override
  public Optional<String> rejectReason(Message input) {
    return Optional.empty();
  }

  @Override
  public Game create(GameSetup setup) {
    throw new UnsupportedOperationException("the simulator never hosts a game");
  }

  @Override
  public Game restore(GameSetup setup, byte[] snapshot) {
    throw new UnsupportedOperationException("the simulator never hosts a game");
  }
}

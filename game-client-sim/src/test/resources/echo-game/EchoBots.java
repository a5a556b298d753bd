package echo;

import com.google.protobuf.Any;
import com.google.protobuf.Int32Value;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.StringValue;
import dev.playfield.game.bot.BotPlayer;
import dev.playfield.game.bot.GameBots;
import java.util.List;
import java.util.Optional;

/**
 * A test plug-in's bots: "shout" reads each state (an Int32Value) and says what it saw and which
 * slot it plays; "whisper" never reads a state and says only its slot. Every input is a StringValue.
 */
public final class EchoBots implements GameBots {

  @Override
  public String game() {
    return "echo";
  }

  @Override
  public List<String> behaviours() {
    return List.of("shout", "whisper");
  }

  @Override
  public BotPlayer create(String behaviour, long seed) {
    boolean reads = behaviour.equals("shout");
    return new BotPlayer() {
      private String said = "";
      private int seen = -1;

      @Override
      public void matchStarted(int slot, int players) {
        said = "slot " + slot + " of " + players;
      }

      @Override
      public boolean readsState() {
        return reads;
      }

      @Override
      public void observe(Any state) {
        try {
          seen = state.unpack(Int32Value.class).getValue();
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalArgumentException(e);
        }
      }

      @Override
      public Optional<Message> nextInput(long nowNanos) {
        return Optional.of(StringValue.of(seen < 0 ? said : said + ", saw " + seen));
      }
    };
  }
}

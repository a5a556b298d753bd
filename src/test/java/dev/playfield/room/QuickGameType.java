package dev.playfield.room;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Empty;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Message;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.GameType;
import dev.playfield.game.PlayerInput;
import dev.playfield.game.Standing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A game that costs nothing to tick: every player scores 0 (all share rank 1) and the match ends
 * after {@code ticks} game ticks. Its snapshot is the number of ticks played, so a restored game
 * carries on where the record left it.
 */
final class QuickGameType implements GameType {

  private final int ticks;
  private final int failAtTick;

  QuickGameType(int ticks) {
    this(ticks, -1);
  }

  private QuickGameType(int ticks, int failAtTick) {
    this.ticks = ticks;
    this.failAtTick = failAtTick;
  }

  /** A game with a bug: its {@code tick} throws at game tick {@code failAtTick}. */
  static QuickGameType failingAt(int failAtTick) {
    return new QuickGameType(1_000_000, failAtTick);
  }

  @Override
  public String name() {
    return "quick";
  }

  @Override
  public java.util.List<dev.playfield.game.GameMode> modes() {
    return java.util.List.of(new dev.playfield.game.GameMode("quick", 2, 1, 20, java.util.Map.of()));
  }

  @Override
  public Class<? extends Message> inputType() {
    return Empty.class;
  }

  @Override
  public Iterable<Descriptor> messageTypes() {
    return List.of(Empty.getDescriptor(), Int32Value.getDescriptor());
  }

  @Override
  public Optional<String> rejectReason(Message input) {
    return Optional.empty();
  }

  @Override
  public Game create(GameSetup setup) {
    return new QuickGame(setup.players(), 0);
  }

  @Override
  public Game restore(GameSetup setup, byte[] snapshot) {
    int played = snapshot.length == 0 ? 0 : snapshot[0] << 24 | (snapshot[1] & 0xff) << 16
        | (snapshot[2] & 0xff) << 8 | (snapshot[3] & 0xff);
    return new QuickGame(setup.players(), played);
  }

  private final class QuickGame implements Game {
    private final int players;
    private int played;

    QuickGame(int players, int played) {
      this.players = players;
      this.played = played;
    }

    @Override
    public void tick(List<PlayerInput> inputs) {
      if (++played == failAtTick) {
        throw new IllegalStateException("a bug in the game at tick " + played);
      }
    }

    @Override
    public void leave(int slot) {}

    @Override
    public Message view(int slot) {
      return Int32Value.of(played);
    }

    @Override
    public boolean sharedView() {
      return true;
    }

    @Override
    public boolean finished() {
      return played >= ticks;
    }

    @Override
    public List<Standing> standings() {
      List<Standing> all = new ArrayList<>();
      for (int slot = 0; slot < players; slot++) {
        all.add(new Standing(slot, 1, 0));
      }
      return all;
    }

    @Override
    public byte[] snapshot() {
      return new byte[] {(byte) (played >>> 24), (byte) (played >>> 16), (byte) (played >>> 8), (byte) played};
    }
  }
}

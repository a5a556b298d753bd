package dev.playfield.sim.arena;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.game.bot.BotPlayer;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Moves in one of eight directions, picking a new one every 0.5 to 1.5 seconds; never looks at
 * the state. The input is one object per direction, so the simulator can see that it did not
 * change and reuse what it packed.
 */
final class RandomWalk implements BotPlayer {

  private static final float DIAGONAL = (float) Math.sqrt(0.5);

  private final SplittableRandom random;
  private long changeAt;
  private boolean started;
  private Optional<Message> input = Optional.empty();

  RandomWalk(SplittableRandom random) {
    this.random = random;
  }

  @Override
  public void matchStarted(int slot, int players) {
    started = false; // a new direction at once
  }

  @Override
  public boolean readsState() {
    return false;
  }

  @Override
  public void observe(Any state) {
    // never called: this walk does not look
  }

  @Override
  public Optional<Message> nextInput(long nowNanos) {
    if (!started || nowNanos - changeAt >= 0) {
      started = true;
      input = Optional.of(randomDirection());
      changeAt = nowNanos + 500_000_000L + random.nextLong(1_000_000_000L);
    }
    return input;
  }

  private ArenaInput randomDirection() {
    int direction = random.nextInt(8);
    double angle = direction * Math.PI / 4;
    float dx = (float) Math.cos(angle);
    float dy = (float) Math.sin(angle);
    if (direction % 2 == 1) {
      dx = Math.signum(dx) * DIAGONAL;
      dy = Math.signum(dy) * DIAGONAL;
    }
    return ArenaInput.newBuilder().setDx(dx).setDy(dy).build();
  }
}

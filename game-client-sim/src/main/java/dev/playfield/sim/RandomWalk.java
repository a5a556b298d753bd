package dev.playfield.sim;

import dev.playfield.arena.proto.ArenaState;
import java.util.SplittableRandom;

/** Moves in one of eight directions, picking a new one every 0.5 to 1.5 seconds. */
final class RandomWalk implements Behavior {

  private static final float DIAGONAL = (float) Math.sqrt(0.5);

  private final SplittableRandom random;
  private long changeAt;
  private float dx;
  private float dy;

  RandomWalk(SplittableRandom random) {
    this.random = random;
  }

  @Override
  public boolean readsState() {
    return false;
  }

  @Override
  public void observe(ArenaState state, int mySlot) {
    // never called: this walk does not look
  }

  @Override
  public void steer(Steering steering, long nowNanos) {
    if (nowNanos - changeAt >= 0) {
      int direction = random.nextInt(8);
      double angle = direction * Math.PI / 4;
      dx = (float) Math.cos(angle);
      dy = (float) Math.sin(angle);
      if (direction % 2 == 1) {
        dx = Math.signum(dx) * DIAGONAL;
        dy = Math.signum(dy) * DIAGONAL;
      }
      changeAt = nowNanos + 500_000_000L + random.nextLong(1_000_000_000L);
    }
    steering.set(dx, dy);
  }

  @Override
  public void reset() {
    changeAt = 0;
  }
}

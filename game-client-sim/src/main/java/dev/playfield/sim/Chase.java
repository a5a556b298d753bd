package dev.playfield.sim;

import dev.playfield.arena.proto.ArenaPlayer;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.arena.proto.Collectable;
import java.util.SplittableRandom;

/** Heads for the nearest collectable it saw in the latest state; wanders while it sees none. */
final class Chase implements Behavior {

  private final RandomWalk wander;
  private boolean hasTarget;
  private float towardX;
  private float towardY;

  Chase(SplittableRandom random) {
    this.wander = new RandomWalk(random);
  }

  @Override
  public boolean readsState() {
    return true;
  }

  @Override
  public void observe(ArenaState state, int mySlot) {
    ArenaPlayer me = null;
    for (ArenaPlayer player : state.getPlayersList()) {
      if (player.getSlot() == mySlot) {
        me = player;
        break;
      }
    }
    hasTarget = false;
    if (me == null) {
      return;
    }
    double best = Double.MAX_VALUE;
    for (Collectable c : state.getCollectablesList()) {
      double ddx = c.getX() - me.getX();
      double ddy = c.getY() - me.getY();
      double d2 = ddx * ddx + ddy * ddy;
      if (d2 < best && d2 > 1e-6) {
        best = d2;
        double length = Math.sqrt(d2);
        towardX = (float) (ddx / length);
        towardY = (float) (ddy / length);
        hasTarget = true;
      }
    }
  }

  @Override
  public void steer(Steering steering, long nowNanos) {
    if (hasTarget) {
      steering.set(towardX, towardY);
    } else {
      wander.steer(steering, nowNanos);
    }
  }

  @Override
  public void reset() {
    hasTarget = false;
    wander.reset();
  }
}

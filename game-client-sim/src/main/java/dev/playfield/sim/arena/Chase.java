package dev.playfield.sim.arena;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.ArenaPlayer;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.arena.proto.Collectable;
import dev.playfield.game.bot.BotPlayer;
import java.util.Optional;
import java.util.SplittableRandom;

/** Heads for the nearest collectable it saw in the latest state; wanders while it sees none. */
final class Chase implements BotPlayer {

  private final RandomWalk wander;
  private int mySlot;
  private Optional<Message> toward = Optional.empty();

  Chase(SplittableRandom random) {
    this.wander = new RandomWalk(random);
  }

  @Override
  public void matchStarted(int slot, int players) {
    mySlot = slot;
    toward = Optional.empty();
    wander.matchStarted(slot, players);
  }

  /** @throws IllegalArgumentException when the state is an arena state that does not parse */
  @Override
  public void observe(Any state) {
    if (!state.is(ArenaState.class)) {
      return;
    }
    try {
      aimFrom(state.unpack(ArenaState.class));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("undecodable arena state", e);
    }
  }

  @Override
  public Optional<Message> nextInput(long nowNanos) {
    return toward.isPresent() ? toward : wander.nextInput(nowNanos);
  }

  private void aimFrom(ArenaState state) {
    ArenaPlayer me = null;
    for (ArenaPlayer player : state.getPlayersList()) {
      if (player.getSlot() == mySlot) {
        me = player;
        break;
      }
    }
    if (me == null) {
      toward = Optional.empty();
      return;
    }
    double best = Double.MAX_VALUE;
    Collectable nearest = null;
    for (Collectable c : state.getCollectablesList()) {
      double ddx = c.getX() - me.getX();
      double ddy = c.getY() - me.getY();
      double d2 = ddx * ddx + ddy * ddy;
      if (d2 < best && d2 > 1e-6) {
        best = d2;
        nearest = c;
      }
    }
    if (nearest == null) {
      toward = Optional.empty();
      return;
    }
    double length = Math.sqrt(best);
    ArenaInput input = ArenaInput.newBuilder()
        .setDx((float) ((nearest.getX() - me.getX()) / length))
        .setDy((float) ((nearest.getY() - me.getY()) / length))
        .build();
    if (!toward.isPresent() || !toward.get().equals(input)) {
      toward = Optional.of(input);
    }
  }
}

package dev.playfield.arena;

import dev.playfield.arena.proto.ArenaPlayer;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.arena.proto.Collectable;

/** Builds the state every player sees: the same for all, so it is built once per change. */
final class ArenaViews {

  private ArenaViews() {}

  static ArenaState of(ArenaRules rules, MatchState match) {
    ArenaState.Builder view = ArenaState.newBuilder()
        .setTicksLeft((int) Math.max(0, rules.matchTicks() - match.tick()))
        .setWidth((float) rules.width())
        .setHeight((float) rules.height())
        .setPlayerRadius((float) rules.playerRadius())
        .setCollectableRadius((float) rules.collectableRadius())
        .setScoreLimit(rules.scoreLimit());
    for (Avatar avatar : match.avatars()) {
      view.addPlayers(ArenaPlayer.newBuilder()
          .setSlot(avatar.slot())
          .setX((float) avatar.x())
          .setY((float) avatar.y())
          .setScore(avatar.score())
          .setPresent(avatar.present()));
    }
    for (Pickup pickup : match.pickups().onField()) {
      view.addCollectables(toProto(pickup));
    }
    return view.build();
  }

  static Collectable toProto(Pickup pickup) {
    return Collectable.newBuilder()
        .setId(pickup.id())
        .setX((float) pickup.x())
        .setY((float) pickup.y())
        .build();
  }
}

package dev.playfield.arena;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.playfield.arena.proto.ArenaSnapshot;
import dev.playfield.arena.proto.Collectable;
import dev.playfield.arena.proto.SnapshotPlayer;
import dev.playfield.game.SeededRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a match's state into an {@link ArenaSnapshot} and back. Reading checks everything it
 * restores, because a snapshot crosses the network and a bad one must not start a broken match.
 */
final class ArenaSnapshots {

  private ArenaSnapshots() {}

  static byte[] write(MatchState match) {
    ArenaSnapshot.Builder snapshot = ArenaSnapshot.newBuilder()
        .setTick(match.tick())
        .setRngState(match.rng().state())
        .setNextCollectableId(match.pickups().nextId());
    for (Avatar avatar : match.avatars()) {
      snapshot.addPlayers(SnapshotPlayer.newBuilder()
          .setSlot(avatar.slot())
          .setX(avatar.x())
          .setY(avatar.y())
          .setDx(avatar.dx())
          .setDy(avatar.dy())
          .setScore(avatar.score())
          .setPresent(avatar.present()));
    }
    for (Pickup pickup : match.pickups().onField()) {
      snapshot.addCollectables(ArenaViews.toProto(pickup));
    }
    return snapshot.build().toByteArray();
  }

  /** Throws {@link IllegalArgumentException} when the bytes are not a snapshot of such a match. */
  static MatchState read(byte[] bytes, ArenaRules rules, int players) {
    ArenaSnapshot snapshot = parse(bytes);
    if (snapshot.getTick() < 0 || snapshot.getTick() > rules.matchTicks()) {
      throw corrupt("tick " + Long.toUnsignedString(snapshot.getTick()) + " is outside the match");
    }
    if (snapshot.getPlayersCount() != players) {
      throw corrupt("it holds " + snapshot.getPlayersCount() + " players, the match has " + players);
    }
    List<Avatar> avatars = new ArrayList<>(players);
    for (int slot = 0; slot < players; slot++) {
      avatars.add(avatar(snapshot.getPlayers(slot), slot, rules));
    }
    if (snapshot.getCollectablesCount() > rules.collectables()) {
      throw corrupt("it holds more collectables than the rules allow");
    }
    List<Pickup> pickups = new ArrayList<>();
    for (Collectable collectable : snapshot.getCollectablesList()) {
      pickups.add(pickup(collectable));
    }
    return new MatchState(
        snapshot.getTick(),
        new SeededRandom(snapshot.getRngState()),
        avatars,
        new Pickups(pickups, snapshot.getNextCollectableId()));
  }

  private static ArenaSnapshot parse(byte[] bytes) {
    try {
      return ArenaSnapshot.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("corrupt arena snapshot: " + e.getMessage(), e);
    }
  }

  private static Avatar avatar(SnapshotPlayer player, int slot, ArenaRules rules) {
    if (player.getSlot() != slot) {
      throw corrupt("player " + player.getSlot() + " is where slot " + slot + " belongs");
    }
    double radius = rules.playerRadius();
    boolean inside = within(player.getX(), radius, rules.width() - radius)
        && within(player.getY(), radius, rules.height() - radius);
    boolean direction = within(player.getDx(), -1, 1) && within(player.getDy(), -1, 1);
    if (!inside || !direction || player.getScore() < 0) {
      throw corrupt("player " + slot + " has an impossible position, direction or score");
    }
    return new Avatar(slot, player.getX(), player.getY(), player.getDx(), player.getDy(),
        player.getScore(), player.getPresent());
  }

  private static Pickup pickup(Collectable collectable) {
    if (!Float.isFinite(collectable.getX()) || !Float.isFinite(collectable.getY())) {
      throw corrupt("collectable " + Integer.toUnsignedString(collectable.getId()) + " is nowhere");
    }
    return new Pickup(collectable.getId(), collectable.getX(), collectable.getY());
  }

  /** False for NaN as well, since every comparison with NaN is false. */
  private static boolean within(double value, double min, double max) {
    return value >= min && value <= max;
  }

  private static IllegalArgumentException corrupt(String why) {
    return new IllegalArgumentException("corrupt arena snapshot: " + why);
  }
}

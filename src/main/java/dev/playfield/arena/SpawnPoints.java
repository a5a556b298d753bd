package dev.playfield.arena;

import java.util.ArrayList;
import java.util.List;

/** Where players start: evenly spread on a ring around the centre of the field, slot 0 first. */
final class SpawnPoints {

  private SpawnPoints() {}

  static List<Avatar> place(int players, ArenaRules rules) {
    double centreX = rules.width() / 2;
    double centreY = rules.height() / 2;
    double ring = players == 1 ? 0 : Math.max(0, Math.min(centreX, centreY) - 2 * rules.playerRadius());
    List<Avatar> avatars = new ArrayList<>(players);
    for (int slot = 0; slot < players; slot++) {
      // StrictMath: the same spawn points on every JVM a room may be failed over to.
      double angle = 2 * Math.PI * slot / players;
      double x = centreX - ring * StrictMath.cos(angle);
      double y = centreY - ring * StrictMath.sin(angle);
      avatars.add(Avatar.spawnedAt(slot, x, y));
    }
    return avatars;
  }
}

package dev.playfield.arena;

import dev.playfield.game.SeededRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The collectables on the field, oldest first, and the id the next one will get. */
final class Pickups {

  private final List<Pickup> onField;
  private int nextId;

  Pickups(List<Pickup> onField, int nextId) {
    this.onField = new ArrayList<>(onField);
    this.nextId = nextId;
  }

  List<Pickup> onField() {
    return List.copyOf(onField);
  }

  int nextId() {
    return nextId;
  }

  /** Spawns collectables at random places until the field holds as many as the rules ask for. */
  void refill(ArenaRules rules, SeededRandom rng) {
    double margin = rules.collectableRadius();
    while (onField.size() < rules.collectables()) {
      float x = (float) rng.between(margin, rules.width() - margin);
      float y = (float) rng.between(margin, rules.height() - margin);
      onField.add(new Pickup(nextId++, x, y));
    }
  }

  /**
   * Gives each collectable a present player touches to the nearest such player (the lower slot on
   * a tie), who scores a point; the collectable leaves the field.
   */
  void collect(List<Avatar> avatars, double reach) {
    double reachSquared = reach * reach;
    Iterator<Pickup> pickups = onField.iterator();
    while (pickups.hasNext()) {
      Pickup pickup = pickups.next();
      Avatar taker = nearestTouching(pickup, avatars, reachSquared);
      if (taker != null) {
        taker.scorePoint();
        pickups.remove();
      }
    }
  }

  private static Avatar nearestTouching(Pickup pickup, List<Avatar> avatars, double reachSquared) {
    Avatar nearest = null;
    double nearestDistance = reachSquared;
    for (Avatar avatar : avatars) {
      double distance = avatar.distanceSquaredTo(pickup.x(), pickup.y());
      boolean closer = nearest == null ? distance <= nearestDistance : distance < nearestDistance;
      if (avatar.present() && closer) {
        nearest = avatar;
        nearestDistance = distance;
      }
    }
    return nearest;
  }
}

package dev.playfield.arena;

import java.util.List;

/**
 * Moves the players present for one tick: each along its direction at most {@code speedPerTick},
 * then overlapping pairs pushed apart, then everyone kept inside the field.
 */
final class FieldPhysics {

  private final ArenaRules rules;

  FieldPhysics(ArenaRules rules) {
    this.rules = rules;
  }

  void step(List<Avatar> avatars) {
    for (Avatar avatar : avatars) {
      if (avatar.present()) {
        double speed = rules.speedPerTick();
        avatar.moveTo(avatar.x() + avatar.dx() * speed, avatar.y() + avatar.dy() * speed);
      }
    }
    separate(avatars);
    for (Avatar avatar : avatars) {
      if (avatar.present()) {
        keepInside(avatar);
      }
    }
  }

  /** One pass over the pairs in slot order, so the result never depends on anything but the state. */
  private void separate(List<Avatar> avatars) {
    for (int i = 0; i < avatars.size(); i++) {
      for (int j = i + 1; j < avatars.size(); j++) {
        Avatar first = avatars.get(i);
        Avatar second = avatars.get(j);
        if (first.present() && second.present()) {
          pushApart(first, second);
        }
      }
    }
  }

  private void pushApart(Avatar first, Avatar second) {
    double minDistance = 2 * rules.playerRadius();
    double offsetX = second.x() - first.x();
    double offsetY = second.y() - first.y();
    double distance = Math.sqrt(offsetX * offsetX + offsetY * offsetY);
    if (distance >= minDistance) {
      return;
    }
    // Players on the very same spot have no direction between them; split them along x.
    double normalX = distance > 0 ? offsetX / distance : 1;
    double normalY = distance > 0 ? offsetY / distance : 0;
    double half = (minDistance - distance) / 2;
    first.moveTo(first.x() - normalX * half, first.y() - normalY * half);
    second.moveTo(second.x() + normalX * half, second.y() + normalY * half);
  }

  private void keepInside(Avatar avatar) {
    double radius = rules.playerRadius();
    double x = Math.min(Math.max(avatar.x(), radius), rules.width() - radius);
    double y = Math.min(Math.max(avatar.y(), radius), rules.height() - radius);
    avatar.moveTo(x, y);
  }
}

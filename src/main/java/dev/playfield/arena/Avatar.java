package dev.playfield.arena;

/** One player's body on the field: where it is, where it is heading, and what it has scored. */
final class Avatar {

  private final int slot;
  private double x;
  private double y;
  private double dx;
  private double dy;
  private int score;
  private boolean present;

  Avatar(int slot, double x, double y, double dx, double dy, int score, boolean present) {
    this.slot = slot;
    this.x = x;
    this.y = y;
    this.dx = dx;
    this.dy = dy;
    this.score = score;
    this.present = present;
  }

  static Avatar spawnedAt(int slot, double x, double y) {
    return new Avatar(slot, x, y, 0, 0, 0, true);
  }

  int slot() {
    return slot;
  }

  double x() {
    return x;
  }

  double y() {
    return y;
  }

  double dx() {
    return dx;
  }

  double dy() {
    return dy;
  }

  int score() {
    return score;
  }

  boolean present() {
    return present;
  }

  void moveTo(double newX, double newY) {
    x = newX;
    y = newY;
  }

  /** Sets the direction to hold from now on; a vector longer than 1 is scaled down to length 1. */
  void steer(double newDx, double newDy) {
    double length = Math.sqrt(newDx * newDx + newDy * newDy);
    double scale = length > 1 ? 1 / length : 1;
    dx = newDx * scale;
    dy = newDy * scale;
  }

  void scorePoint() {
    score++;
  }

  /** Takes the player off the field for good: it stops, and no longer collides or scores. */
  void leave() {
    present = false;
    dx = 0;
    dy = 0;
  }

  double distanceSquaredTo(double otherX, double otherY) {
    double ox = otherX - x;
    double oy = otherY - y;
    return ox * ox + oy * oy;
  }
}

package dev.playfield.arena;

/**
 * A collectable on the field. Its coordinates are float values (held in doubles) because that is
 * the precision the snapshot carries, so a restored match sees exactly the same positions.
 */
record Pickup(int id, double x, double y) {}

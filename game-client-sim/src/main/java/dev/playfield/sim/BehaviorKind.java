package dev.playfield.sim;

import java.util.SplittableRandom;

/** The ways a bot can play, named as on the command line. */
enum BehaviorKind {
  /** Picks a random direction and keeps it for a random while; never reads the game state. */
  RANDOM_WALK,
  /** Heads for the nearest collectable; reads the game state of every frame. */
  CHASE;

  Behavior create(SplittableRandom random) {
    return switch (this) {
      case RANDOM_WALK -> new RandomWalk(random);
      case CHASE -> new Chase(random);
    };
  }
}

package dev.playfield.store;

/** What adding a password login to a player did. */
public enum AccountLink {
  /** The username now logs in as the player (created by the call when it was new). */
  LINKED,
  /** Another player holds the username; nothing changed. */
  USERNAME_TAKEN,
  /** The player already has a username; nothing changed. */
  PLAYER_HAS_ONE
}

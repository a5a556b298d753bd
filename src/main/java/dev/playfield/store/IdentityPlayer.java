package dev.playfield.store;

/**
 * The player an external identity logs in as.
 *
 * @param name the player's current display name
 * @param created true when the call bound the identity (to the player it was asked to)
 */
public record IdentityPlayer(String playerId, String name, boolean created) {}

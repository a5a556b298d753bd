package dev.playfield.store;

/**
 * A username's password login as the store holds it.
 *
 * @param name the player's current display name
 * @param passwordHash the encoded hash with its parameters, as the gateway wrote it
 */
public record PasswordLogin(String playerId, String name, String passwordHash) {}

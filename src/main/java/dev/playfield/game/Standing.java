package dev.playfield.game;

/** A player's place in a match: {@code rank} starts at 1; equal scores share a rank. */
public record Standing(int slot, int rank, long score) {}

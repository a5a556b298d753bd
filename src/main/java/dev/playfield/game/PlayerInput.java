package dev.playfield.game;

import com.google.protobuf.Message;

/** One input of one player, already validated by {@link GameType#rejectReason}. */
public record PlayerInput(int slot, Message input) {}

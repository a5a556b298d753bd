package dev.playfield.events;

/** One event waiting in the outbox, in the order it was written. */
public record OutboxEvent(long seq, String id, String type, String roomId, String payloadJson) {}

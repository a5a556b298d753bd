package dev.playfield.gateway;

/**
 * How long a session's traces last: the grace window in which a dropped player may take the seat
 * back, and the lifetime of login tokens (which bounds how long a connected session's resume
 * entry is kept).
 */
record SessionWindows(long reconnectGraceMs, long tokenTtlMs) {}

package dev.playfield.matchmaking;

/**
 * A ticket plus its arrival number in its queue. The arrival number, not {@code enqueuedAt}, breaks
 * ties, because many tickets can share an instant (a coarse clock, a fixed test clock).
 */
record QueuedTicket(Ticket ticket, long arrival) {

  String playerId() {
    return ticket.playerId();
  }

  int rating() {
    return ticket.rating();
  }
}

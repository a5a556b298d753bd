package dev.playfield.sim;

/**
 * The match one bot is seated in, and how each of its matches ends for it, counted in
 * {@link Metrics}: seen to its {@code MatchEnd}, lost, or still open when the run ends. A resume
 * answered without the seat is not yet a loss: when the match ended while the bot was away, its
 * {@code MatchEnd} follows, and the match counts as seen to the end; when none has come
 * {@link #MATCH_END_AFTER_RESUME_NANOS} after the answer, the seat is lost.
 *
 * <p>Not thread-safe: used on the bot's event loop only. Times are {@link System#nanoTime()}.
 */
final class BotMatches {

  static final long MATCH_END_AFTER_RESUME_NANOS = 3_000_000_000L;

  private final Metrics metrics;
  private String roomId;
  private Metrics.MatchRecord match;
  /** The match of a resume answered without the seat, until its MatchEnd comes or the wait ends. */
  private String awaitedRoom;
  private Metrics.MatchRecord awaited;
  private long awaitedUntil;

  BotMatches(Metrics metrics) {
    this.metrics = metrics;
  }

  /** The room of the current match; null when the bot is in none. */
  String roomId() {
    return roomId;
  }

  boolean inMatch() {
    return match != null;
  }

  /** The bot took a seat in this room. */
  void found(String room) {
    roomId = room;
    match = metrics.matchStarted(room);
    match.seated.incrementAndGet();
  }

  /**
   * A MatchEnd for {@code endedRoom} arrived: true when it ends the current match (which is then
   * over). The end of a match awaited after a resume without the seat counts it as seen to the end.
   */
  boolean ended(String endedRoom) {
    if (awaited != null && endedRoom.equals(awaitedRoom)) {
      metrics.matchEndsAfterResume.increment();
      awaited.sawEnd.incrementAndGet();
      clearAwaited();
      return false;
    }
    if (match == null || !endedRoom.equals(roomId)) {
      return false;
    }
    match.sawEnd.incrementAndGet();
    clear();
    return true;
  }

  /** A resume was answered without the seat of the current match: wait a little for its MatchEnd. */
  void resumedWithoutSeat(long now) {
    if (match == null) {
      return;
    }
    if (awaited != null) {
      awaitedSeatLost();
    }
    awaited = match;
    awaitedRoom = roomId;
    awaitedUntil = now + MATCH_END_AFTER_RESUME_NANOS;
    clear();
  }

  /** The seat is gone for good (resume refused, no session to resume): a seat lost, the match lost. */
  void seatLost() {
    if (match != null) {
      metrics.seatsLost.increment();
    }
    lose();
  }

  /** The bot leaves the current match without having seen its end (it gave up, or could not resume). */
  void lose() {
    if (match != null) {
      match.lost.incrementAndGet();
    }
    clear();
  }

  /** Called often: a resume without the seat whose MatchEnd did not come in time is a seat lost. */
  void check(long now) {
    if (awaited != null && now - awaitedUntil >= 0) {
      awaitedSeatLost();
    }
  }

  /** The run is over: a match still under way (or whose end was awaited) is open at the end. */
  void runOver() {
    if (match != null) {
      match.openAtEnd.incrementAndGet();
    }
    if (awaited != null) {
      awaited.openAtEnd.incrementAndGet(); // its MatchEnd may still have been on the way
      clearAwaited();
    }
  }

  private void awaitedSeatLost() {
    metrics.seatsLost.increment();
    awaited.lost.incrementAndGet();
    clearAwaited();
  }

  private void clear() {
    match = null;
    roomId = null;
  }

  private void clearAwaited() {
    awaited = null;
    awaitedRoom = null;
  }
}

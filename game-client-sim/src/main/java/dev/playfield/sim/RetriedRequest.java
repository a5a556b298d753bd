package dev.playfield.sim;

import dev.playfield.protocol.v1.ClientMessage;
import java.util.SplittableRandom;

/**
 * The one request of a bot that waits for its answer (login, resume, joining or leaving a queue)
 * and what happens when the server refuses it with {@code UNAVAILABLE}: it is sent again, at most
 * {@link #MAX_TRIES} times in all, after a backoff that doubles from {@link #FIRST_BACKOFF_NANOS}
 * with jitter (so bots refused together do not come back together), as a real client would. A
 * request that gets no answer at all within {@link #ANSWER_TIMEOUT_NANOS} has timed out.
 *
 * <p>Not thread-safe: used on the bot's event loop only. Times are {@link System#nanoTime()}.
 */
final class RetriedRequest {

  static final int MAX_TRIES = 5;
  static final long FIRST_BACKOFF_NANOS = 250_000_000L;
  static final long ANSWER_TIMEOUT_NANOS = 15_000_000_000L;

  /** What a refusal led to. */
  enum Refusal {
    /** The refusal was for another request (or none is pending): not this one's business. */
    NOT_OURS,
    /** Sent again when {@link #due} says so. */
    RETRY_SCHEDULED,
    /** Every try was refused: the request is given up (and no longer pending). */
    GIVEN_UP
  }

  private final SplittableRandom random;
  /** The request without its id; null when nothing is pending. */
  private ClientMessage body;
  private int requestId;
  private int tries;
  private long sentAt;
  private long retryAt;

  RetriedRequest(SplittableRandom random) {
    this.random = random;
  }

  /** {@code body} (no request id) went out with {@code requestId}: its first try. */
  void sent(ClientMessage body, int requestId, long now) {
    this.body = body;
    this.tries = 1;
    this.requestId = requestId;
    this.sentAt = now;
    this.retryAt = 0;
  }

  boolean pending() {
    return body != null;
  }

  /** The body of the pending request (null when none). */
  ClientMessage body() {
    return body;
  }

  /**
   * A reply with this id (anything but an UNAVAILABLE error) answers the request, which is then
   * no longer pending; returns what the request was, or null when the reply is not for it.
   */
  ClientMessage.BodyCase answered(int replyId) {
    if (body == null || replyId != requestId || retryAt != 0) {
      return null;
    }
    ClientMessage.BodyCase kind = body.getBodyCase();
    clear();
    return kind;
  }

  /** The server refused the request with this id with UNAVAILABLE at {@code now}. */
  Refusal refused(int replyId, long now) {
    if (body == null || replyId != requestId || retryAt != 0) {
      return Refusal.NOT_OURS;
    }
    if (tries >= MAX_TRIES) {
      clear();
      return Refusal.GIVEN_UP;
    }
    retryAt = now + backoffNanos(tries);
    return Refusal.RETRY_SCHEDULED;
  }

  /** The body to send again now, or null when no retry is due; the caller then calls {@link #resent}. */
  ClientMessage due(long now) {
    return body != null && retryAt != 0 && now - retryAt >= 0 ? body : null;
  }

  /** The retry went out with a new id. */
  void resent(int newRequestId, long now) {
    tries++;
    requestId = newRequestId;
    sentAt = now;
    retryAt = 0;
  }

  /** True when the request is on the wire and has had no answer for {@link #ANSWER_TIMEOUT_NANOS}. */
  boolean timedOut(long now) {
    return body != null && retryAt == 0 && now - sentAt > ANSWER_TIMEOUT_NANOS;
  }

  /** The connection is gone: whatever was pending is forgotten (the next connection starts over). */
  void clear() {
    body = null;
    tries = 0;
    retryAt = 0;
  }

  /** The wait before try {@code tries + 1}: the first backoff doubled per try, times 0.5 to 1.5. */
  long backoffNanos(int tries) {
    return (long) (FIRST_BACKOFF_NANOS * (double) (1L << (tries - 1)) * (0.5 + random.nextDouble()));
  }
}

package dev.playfield.sim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Everything the bots count and time. Bots write from their event loops (recorders and adders are
 * safe for that); the once-a-second {@link ProgressReporter} reads.
 */
final class Metrics {

  /** Latencies are recorded in microseconds, up to a minute, with three significant digits. */
  static final long HIGHEST_MICROS = 60_000_000L;

  final Recorder ackLatency = new Recorder(HIGHEST_MICROS, 3);
  final Recorder rtt = new Recorder(HIGHEST_MICROS, 3);
  final Recorder stateInterarrival = new Recorder(HIGHEST_MICROS, 3);
  final Recorder queueWait = new Recorder(HIGHEST_MICROS, 3);

  final LongAdder messagesIn = new LongAdder();
  final LongAdder messagesOut = new LongAdder();
  final LongAdder bytesIn = new LongAdder();
  final LongAdder bytesOut = new LongAdder();
  final LongAdder inputsSent = new LongAdder();
  final LongAdder acksReceived = new LongAdder();
  final LongAdder statesReceived = new LongAdder();
  final LongAdder disconnects = new LongAdder();
  final LongAdder connectFailures = new LongAdder();
  final LongAdder churned = new LongAdder();
  final LongAdder undecodable = new LongAdder();
  /** Inputs in flight when their match ended, refused by the server: a race, not a protocol error. */
  final LongAdder lateInputsRefused = new LongAdder();
  /** Sessions taken back with a resume token after a drop, and resumptions the server refused. */
  final LongAdder resumed = new LongAdder();
  final LongAdder resumeFailures = new LongAdder();
  /**
   * Seated bots that did not get their seat back: a resume answered without the seat and with no
   * {@code MatchEnd} of that match after it, or a resume refused.
   */
  final LongAdder seatsLost = new LongAdder();
  /** Resumes answered without the seat but followed by the match's {@code MatchEnd}: completed, not lost. */
  final LongAdder matchEndsAfterResume = new LongAdder();
  /** Matches a bot left because no state came for {@link MatchPlay#STALL_NANOS} (the room was lost). */
  final LongAdder matchesGivenUp = new LongAdder();
  /** Requests refused with UNAVAILABLE and sent again, and those refused on every try. */
  final LongAdder requestsRetried = new LongAdder();
  final LongAdder requestsRefused = new LongAdder();
  /** Requests with no answer at all within {@link RetriedRequest#ANSWER_TIMEOUT_NANOS}. */
  final LongAdder requestsUnanswered = new LongAdder();
  /** Queue waits that passed {@link Bot#QUEUE_PATIENCE_NANOS} (the bot then leaves and joins again). */
  final LongAdder queueWaitsAbandoned = new LongAdder();

  private final Histogram resumePauses = newHistogram();
  private final Histogram resumesAfterReconnect = newHistogram();
  private final Map<String, Long> roomPauseMicros = new ConcurrentHashMap<>();

  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> disconnectCodes = new ConcurrentHashMap<>();
  private final Map<String, MatchRecord> matches = new ConcurrentHashMap<>();

  /**
   * One room as the bots seated in it saw it: each seated bot ends it one way, by seeing its
   * {@code MatchEnd}, by losing it (seat lost on a resume, resume refused, given up), or by being
   * still in it when the run ended.
   */
  static final class MatchRecord {
    final AtomicInteger seated = new AtomicInteger();
    final AtomicInteger sawEnd = new AtomicInteger();
    final AtomicInteger lost = new AtomicInteger();
    final AtomicInteger openAtEnd = new AtomicInteger();

    /** Aborted when any bot lost it; else open when any bot was still in it at the end; else completed. */
    MatchOutcome outcome() {
      if (lost.get() > 0) {
        return MatchOutcome.ABORTED;
      }
      if (openAtEnd.get() > 0 || sawEnd.get() == 0) {
        return MatchOutcome.OPEN_AT_END;
      }
      return MatchOutcome.COMPLETED;
    }
  }

  enum MatchOutcome { COMPLETED, ABORTED, OPEN_AT_END }

  /** From the drop of a connection to the first state after the seat was taken back. */
  void resumePause(long micros) {
    synchronized (resumePauses) {
      resumePauses.recordValue(Math.min(micros, HIGHEST_MICROS));
    }
  }

  /** From the new connection's opening to the first state after the seat was taken back. */
  void resumeAfterReconnect(long micros) {
    synchronized (resumesAfterReconnect) {
      resumesAfterReconnect.recordValue(Math.min(micros, HIGHEST_MICROS));
    }
  }

  Histogram resumesAfterReconnect() {
    synchronized (resumesAfterReconnect) {
      return resumesAfterReconnect.copy();
    }
  }

  /** A gap of {@code micros} between two states of a room as one bot saw it; the longest is kept. */
  void roomGap(String roomId, long micros) {
    if (micros >= ROOM_PAUSE_MICROS) {
      roomPauseMicros.merge(roomId, micros, Math::max);
    }
  }

  /** Gaps between states shorter than this are jitter, not a pause. */
  static final long ROOM_PAUSE_MICROS = 500_000;

  Histogram resumePauses() {
    synchronized (resumePauses) {
      return resumePauses.copy();
    }
  }

  /** The longest pause of every room that paused, as a histogram. */
  Histogram roomPauses() {
    Histogram pauses = newHistogram();
    roomPauseMicros.values().forEach(micros -> pauses.recordValue(Math.min(micros, HIGHEST_MICROS)));
    return pauses;
  }

  void error(String code) {
    errors.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  void disconnect(int closeCode) {
    disconnects.increment();
    disconnectCodes.computeIfAbsent(closeCode, c -> new LongAdder()).increment();
  }

  MatchRecord matchStarted(String roomId) {
    return matches.computeIfAbsent(roomId, id -> new MatchRecord());
  }

  Map<String, Long> errorsByCode() {
    Map<String, Long> out = new TreeMap<>();
    errors.forEach((code, count) -> out.put(code, count.sum()));
    return out;
  }

  Map<String, Long> disconnectsByCloseCode() {
    Map<String, Long> out = new TreeMap<>();
    disconnectCodes.forEach((code, count) -> out.put(String.valueOf(code), count.sum()));
    return out;
  }

  long errorCount() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /**
   * Counts of rooms: started, completed (every bot in it saw it end), aborted (a bot in it never
   * saw it end: see {@link MatchRecord}), open at the end of the run.
   */
  long[] matchCounts() {
    long started = 0;
    long completed = 0;
    long aborted = 0;
    long open = 0;
    for (MatchRecord record : matches.values()) {
      started++;
      switch (record.outcome()) {
        case COMPLETED -> completed++;
        case ABORTED -> aborted++;
        case OPEN_AT_END -> open++;
      }
    }
    return new long[] {started, completed, aborted, open};
  }

  long matchesCompleted() {
    return matches.values().stream().filter(r -> r.outcome() == MatchOutcome.COMPLETED).count();
  }

  static Histogram newHistogram() {
    return new Histogram(HIGHEST_MICROS, 3);
  }
}

package dev.playfield.sim;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Once a second: folds the bots' interval histograms into the run's totals, prints the live line,
 * and keeps the time series for the HTML report. Everything before the warmup ends is shown live
 * but left out of the totals. Called from one timer only; {@link #sample} is synchronized so the
 * final sample after the timer stops is safe too.
 */
final class ProgressReporter {

  /** One second of the run. */
  record Sample(double t, int connected, int queued, int inMatch, double messagesInPerS,
      double messagesOutPerS, double ackP99Ms, long matchesCompleted) {}

  final Histogram ack = Metrics.newHistogram();
  final Histogram rtt = Metrics.newHistogram();
  final Histogram interarrival = Metrics.newHistogram();
  final Histogram queueWait = Metrics.newHistogram();
  final List<Sample> samples = new ArrayList<>();

  private final Metrics metrics;
  private final List<Bot> bots;
  private final long startNanos;
  private final long warmupEndNanos;
  private final PrintStream out;
  private Histogram ackInterval;
  private Histogram rttInterval;
  private Histogram arrivalInterval;
  private Histogram waitInterval;
  private long lastNanos;
  private long lastIn;
  private long lastOut;
  private boolean measuring;
  private int peakConnected;
  private int lastConnected;

  /** Counter values when the warmup ended, and the measured bot-seconds since. */
  long baseBytesIn;
  long baseBytesOut;
  long baseMessagesIn;
  long baseMessagesOut;
  long baseInputs;
  long baseAcks;
  long measureStartNanos;
  double connectedBotSeconds;

  ProgressReporter(Metrics metrics, List<Bot> bots, long startNanos, long warmupEndNanos, PrintStream out) {
    this.metrics = metrics;
    this.bots = bots;
    this.startNanos = startNanos;
    this.warmupEndNanos = warmupEndNanos;
    this.out = out;
    this.lastNanos = startNanos;
    this.measuring = warmupEndNanos <= startNanos;
    this.measureStartNanos = startNanos;
  }

  /** Takes one sample; {@code print} writes the live line. */
  synchronized void sample(boolean print) {
    long now = System.nanoTime();
    ackInterval = take(metrics.ackLatency, ackInterval);
    rttInterval = take(metrics.rtt, rttInterval);
    arrivalInterval = take(metrics.stateInterarrival, arrivalInterval);
    waitInterval = take(metrics.queueWait, waitInterval);
    int connected = 0;
    int queued = 0;
    int inMatch = 0;
    for (Bot bot : bots) {
      switch (bot.phase()) {
        case LOGGING_IN, QUEUEING -> connected++;
        case QUEUED -> {
          connected++;
          queued++;
        }
        case IN_MATCH -> {
          connected++;
          inMatch++;
        }
        default -> { }
      }
    }
    lastConnected = connected;
    peakConnected = Math.max(peakConnected, connected);
    long in = metrics.messagesIn.sum();
    long outCount = metrics.messagesOut.sum();
    double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
    if (!measuring && now - warmupEndNanos >= 0) {
      startMeasuring(now);
    } else if (measuring) {
      ack.add(ackInterval);
      rtt.add(rttInterval);
      interarrival.add(arrivalInterval);
      queueWait.add(waitInterval);
      connectedBotSeconds += connected * seconds;
    }
    double p99 = ackInterval.getTotalCount() == 0 ? 0 : ackInterval.getValueAtPercentile(99) / 1000.0;
    Sample sample = new Sample((now - startNanos) / 1e9, connected, queued, inMatch,
        (in - lastIn) / seconds, (outCount - lastOut) / seconds, p99, metrics.matchesCompleted());
    samples.add(sample);
    if (out != null && print) {
      out.println(String.format(Locale.ROOT,
          "[%5.0fs] connected %5d  queued %5d  in match %5d  matches done %5d  msg/s in %8.0f out %7.0f  ack p99 %6.1f ms%s",
          sample.t(), connected, queued, inMatch, sample.matchesCompleted(), sample.messagesInPerS(),
          sample.messagesOutPerS(), p99, measuring ? "" : "  (warmup)"));
    }
    lastIn = in;
    lastOut = outCount;
    lastNanos = now;
  }

  private void startMeasuring(long now) {
    measuring = true;
    measureStartNanos = now;
    baseBytesIn = metrics.bytesIn.sum();
    baseBytesOut = metrics.bytesOut.sum();
    baseMessagesIn = metrics.messagesIn.sum();
    baseMessagesOut = metrics.messagesOut.sum();
    baseInputs = metrics.inputsSent.sum();
    baseAcks = metrics.acksReceived.sum();
  }

  int peakConnected() {
    return peakConnected;
  }

  int lastConnected() {
    return lastConnected;
  }

  private static Histogram take(Recorder recorder, Histogram recycled) {
    return recorder.getIntervalHistogram(recycled);
  }
}

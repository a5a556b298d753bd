package dev.playfield.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The result of a run as JSON (the keys are a contract: scripts and tests read them) and as a
 * summary for people. Latencies are in milliseconds; per-bot rates divide by connected bot-seconds
 * of the measured part of the run (after the warmup).
 */
final class RunReport {

  private final JsonObject json;

  private RunReport(JsonObject json) {
    this.json = json;
  }

  static RunReport of(SimSettings settings, Metrics metrics, ProgressReporter progress, long endNanos) {
    double measured = Math.max(1e-3, (endNanos - progress.measureStartNanos) / 1e9);
    double botSeconds = Math.max(1e-3, progress.connectedBotSeconds);
    long[] matches = metrics.matchCounts();
    Map<String, Long> errors = metrics.errorsByCode();
    JsonObject json = new JsonObject()
        .put("bots", settings.bots())
        .put("connected", progress.lastConnected())
        .put("connected_peak", progress.peakConnected())
        .put("encoding", settings.encoding().name().toLowerCase(Locale.ROOT))
        .put("mode", settings.mode())
        .put("behavior", settings.behavior())
        .put("input_rate", settings.inputRate())
        .put("urls", new JsonArray(settings.urls()))
        .put("matches_started", matches[0])
        .put("matches_completed", matches[1])
        .put("matches_aborted", matches[2])
        .put("matches_open_at_end", matches[3])
        .put("inputs_sent", metrics.inputsSent.sum() - progress.baseInputs)
        .put("acks_received", metrics.acksReceived.sum() - progress.baseAcks)
        .put("states_received", metrics.statesReceived.sum())
        .put("ack_latency_ms", percentiles(progress.ack))
        .put("rtt_ms", percentiles(progress.rtt))
        .put("state_interarrival_ms", percentiles(progress.interarrival))
        .put("queue_wait_ms", percentiles(progress.queueWait))
        .put("messages_in_per_s", round((metrics.messagesIn.sum() - progress.baseMessagesIn) / measured))
        .put("messages_out_per_s", round((metrics.messagesOut.sum() - progress.baseMessagesOut) / measured))
        .put("bytes_in_per_bot_s", round((metrics.bytesIn.sum() - progress.baseBytesIn) / botSeconds))
        .put("bytes_out_per_bot_s", round((metrics.bytesOut.sum() - progress.baseBytesOut) / botSeconds))
        .put("errors", new JsonObject(Map.copyOf(errors)))
        .put("disconnects", metrics.disconnects.sum())
        .put("disconnects_by_close_code", new JsonObject(Map.copyOf(metrics.disconnectsByCloseCode())))
        .put("connect_failures", metrics.connectFailures.sum())
        .put("undecodable_frames", metrics.undecodable.sum())
        .put("late_inputs_refused", metrics.lateInputsRefused.sum())
        .put("churned", metrics.churned.sum())
        .put("resumed", metrics.resumed.sum())
        .put("resume_failures", metrics.resumeFailures.sum())
        .put("seats_lost", metrics.seatsLost.sum())
        .put("match_ends_after_resume", metrics.matchEndsAfterResume.sum())
        .put("matches_given_up", metrics.matchesGivenUp.sum())
        .put("requests_retried", metrics.requestsRetried.sum())
        .put("requests_refused", metrics.requestsRefused.sum())
        .put("requests_unanswered", metrics.requestsUnanswered.sum())
        .put("queue_waits_abandoned", metrics.queueWaitsAbandoned.sum())
        .put("resume_pause_ms", percentiles(metrics.resumePauses()))
        .put("resume_after_reconnect_ms", percentiles(metrics.resumesAfterReconnect()))
        .put("room_pause_ms", percentiles(metrics.roomPauses()))
        .put("warmup_s", settings.warmup().toMillis() / 1000.0)
        .put("duration_s", round(measured))
        .put("timeline", timeline(progress));
    return new RunReport(json);
  }

  JsonObject json() {
    return json;
  }

  /** True when something went wrong that the exit status must show. */
  boolean failed() {
    return json.getJsonObject("errors").size() > 0 || json.getLong("disconnects") > 0
        || json.getLong("connect_failures") > 0 || json.getLong("undecodable_frames") > 0
        || json.getLong("requests_unanswered") > 0;
  }

  String summary() {
    JsonObject ack = json.getJsonObject("ack_latency_ms");
    JsonObject rtt = json.getJsonObject("rtt_ms");
    JsonObject arrival = json.getJsonObject("state_interarrival_ms");
    return String.format(Locale.ROOT, """
        game-client-sim: %d bots (%s, %s, %s) for %.1f s measured after %.1f s warmup
          connected at end   %d (peak %d)
          matches            %d started, %d completed, %d aborted, %d open at the end (%d given up for a silent room)
          inputs             %d sent, %d acknowledged
          ack latency ms     p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f
          ping rtt ms        p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f
          state gap ms       p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f
          traffic per bot    %.0f B/s in, %.0f B/s out
          errors             %s (besides %d inputs refused because their match had just ended)
          disconnects        %d unexpected, %d connect failures, %d churned on purpose
          requests           %d retried after UNAVAILABLE, %d refused on every try, %d unanswered; %d queue waits abandoned
          resumptions        %d resumed, %d refused, %d seats lost, %d match ends after a resume without the seat
          resume pause ms    drop to first state p50 %.0f  p99 %.0f  max %.0f; reconnect to first state p50 %.0f  p99 %.0f
          room pauses        %d rooms paused over 0.5 s; longest pause ms p50 %.0f  p99 %.0f  max %.0f
        """,
        json.getInteger("bots"), json.getString("encoding"), json.getString("mode"), json.getString("behavior"),
        json.getDouble("duration_s"), json.getDouble("warmup_s"),
        json.getInteger("connected"), json.getInteger("connected_peak"),
        json.getLong("matches_started"), json.getLong("matches_completed"), json.getLong("matches_aborted"),
        json.getLong("matches_open_at_end"), json.getLong("matches_given_up"),
        json.getLong("inputs_sent"), json.getLong("acks_received"),
        ack.getDouble("p50"), ack.getDouble("p90"), ack.getDouble("p99"), ack.getDouble("p999"), ack.getDouble("max"),
        rtt.getDouble("p50"), rtt.getDouble("p90"), rtt.getDouble("p99"), rtt.getDouble("p999"), rtt.getDouble("max"),
        arrival.getDouble("p50"), arrival.getDouble("p90"), arrival.getDouble("p99"), arrival.getDouble("p999"),
        arrival.getDouble("max"),
        json.getDouble("bytes_in_per_bot_s"), json.getDouble("bytes_out_per_bot_s"),
        json.getJsonObject("errors").isEmpty() ? "none" : json.getJsonObject("errors").encode(),
        json.getLong("late_inputs_refused"),
        json.getLong("disconnects"), json.getLong("connect_failures"), json.getLong("churned"),
        json.getLong("requests_retried"), json.getLong("requests_refused"), json.getLong("requests_unanswered"),
        json.getLong("queue_waits_abandoned"),
        json.getLong("resumed"), json.getLong("resume_failures"), json.getLong("seats_lost"),
        json.getLong("match_ends_after_resume"),
        json.getJsonObject("resume_pause_ms").getDouble("p50"), json.getJsonObject("resume_pause_ms").getDouble("p99"),
        json.getJsonObject("resume_pause_ms").getDouble("max"),
        json.getJsonObject("resume_after_reconnect_ms").getDouble("p50"),
        json.getJsonObject("resume_after_reconnect_ms").getDouble("p99"),
        json.getJsonObject("room_pause_ms").getLong("count"), json.getJsonObject("room_pause_ms").getDouble("p50"),
        json.getJsonObject("room_pause_ms").getDouble("p99"), json.getJsonObject("room_pause_ms").getDouble("max"));
  }

  static JsonObject percentiles(Histogram h) {
    JsonObject p = new JsonObject()
        .put("count", h.getTotalCount())
        .put("p50", ms(h, 50))
        .put("p90", ms(h, 90))
        .put("p99", ms(h, 99))
        .put("p999", ms(h, 99.9))
        .put("max", h.getTotalCount() == 0 ? 0.0 : round3(h.getMaxValue() / 1000.0));
    JsonArray curve = new JsonArray();
    for (double q : new double[] {0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100}) {
      curve.add(new JsonArray().add(q).add(ms(h, q)));
    }
    return p.put("curve", curve);
  }

  private static JsonObject timeline(ProgressReporter progress) {
    JsonArray t = new JsonArray();
    JsonArray connected = new JsonArray();
    JsonArray inMatch = new JsonArray();
    JsonArray in = new JsonArray();
    JsonArray out = new JsonArray();
    JsonArray p99 = new JsonArray();
    for (ProgressReporter.Sample s : progress.samples) {
      t.add(round(s.t()));
      connected.add(s.connected());
      inMatch.add(s.inMatch());
      in.add(round(s.messagesInPerS()));
      out.add(round(s.messagesOutPerS()));
      p99.add(round3(s.ackP99Ms()));
    }
    return new JsonObject().put("t_s", t).put("connected", connected).put("in_match", inMatch)
        .put("messages_in_per_s", in).put("messages_out_per_s", out).put("ack_p99_ms", p99);
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0.0 : round3(h.getValueAtPercentile(percentile) / 1000.0);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}

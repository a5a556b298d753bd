package dev.playfield.ops;

import dev.playfield.node.LocalLoad;
import dev.playfield.protocol.WireFormat;
import dev.playfield.protocol.v1.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Playfield's own series, all named {@code playfield_*}, in the same Prometheus registry as Vert.x's
 * metrics. One instance per Vert.x instance ({@link #of}); every method is thread-safe and cheap
 * enough for the per-message path (meters are looked up once and cached).
 */
public final class PlayfieldMetrics {

  private static final Map<Vertx, PlayfieldMetrics> BY_VERTX = new WeakHashMap<>();

  /** The room states counted by {@code playfield_rooms}. */
  public static final String WAITING = "waiting";
  public static final String RUNNING = "running";
  public static final String FINISHED = "finished";

  private final PrometheusMeterRegistry registry;
  private final Map<String, AtomicInteger> roomsByState = new ConcurrentHashMap<>();
  private final Map<String, Timer> tickTimers = new ConcurrentHashMap<>();
  private final Map<String, Timer> latenessTimers = new ConcurrentHashMap<>();
  private final Map<String, Timer> waitTimers = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, DistributionSummary> byteSummaries = new ConcurrentHashMap<>();
  private final Counter tickOverruns;
  private final Counter roomToGatewayHops;
  private final Counter failovers;
  private final Counter resumptions;

  PlayfieldMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    for (String state : new String[] {WAITING, RUNNING, FINISHED}) {
      AtomicInteger count = new AtomicInteger();
      roomsByState.put(state, count);
      Gauge.builder("playfield_rooms", count, AtomicInteger::get)
          .description("Rooms hosted on this node by state").tag("state", state).register(registry);
    }
    tickOverruns = Counter.builder("playfield_tick_overruns")
        .description("Tick slots missed because a tick ended after the next one was due").register(registry);
    roomToGatewayHops = Counter.builder("playfield_cross_node_hops")
        .description("Event-bus messages sent to another node (room to a remote gateway)")
        .tag("kind", "room_to_gateway").register(registry);
    failovers = Counter.builder("playfield_room_failovers")
        .description("Rooms resumed on this node after their node was lost").register(registry);
    resumptions = Counter.builder("playfield_session_resumptions")
        .description("Players who resumed their seat with a resume token").register(registry);
  }

  /** The metrics of this Vert.x instance, in the registry Vert.x reports into when it has one. */
  public static PlayfieldMetrics of(Vertx vertx) {
    synchronized (BY_VERTX) {
      return BY_VERTX.computeIfAbsent(vertx, v -> new PlayfieldMetrics(prometheusRegistry(v)));
    }
  }

  private static PrometheusMeterRegistry prometheusRegistry(Vertx vertx) {
    MeterRegistry vertxRegistry = VertxMetricsSetup.registryOf(vertx);
    if (vertxRegistry instanceof PrometheusMeterRegistry prometheus) {
      return prometheus;
    }
    // Vert.x metrics are off (tests build plain instances): Playfield's series still work.
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  /** The registry /metrics scrapes. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Exposes this node's connected players; call once per node. */
  public void watchPlayers(LocalLoad load) {
    Gauge.builder("playfield_connected_players", load, LocalLoad::players)
        .description("Open WebSocket connections of players on this node").register(registry);
  }

  /** A room moved from one state to another; null for "not hosted" (created or disposed). */
  public void roomState(String from, String to) {
    if (from != null && !from.equals(to)) {
      roomsByState.get(from).decrementAndGet();
    }
    if (to != null && !to.equals(from)) {
      roomsByState.get(to).incrementAndGet();
    }
  }

  public void tick(String mode, long nanos) {
    tickTimers.computeIfAbsent(mode, m -> Timer.builder("playfield_tick_duration")
            .description("Time one room tick took: game logic, encoding and sending")
            .tag("mode", m)
            .serviceLevelObjectives(millis(0.05), millis(0.1), millis(0.25), millis(0.5), millis(1),
                millis(2.5), millis(5), millis(10), millis(25), millis(50))
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * A tick started {@code nanos} after its slot: timer lag or an event loop busy with other work.
   * Rising lateness is the first sign of a node short of CPU, before any slot is missed.
   */
  public void tickLateness(String mode, long nanos) {
    latenessTimers.computeIfAbsent(mode, m -> Timer.builder("playfield_tick_lateness")
            .description("How late a room tick started after its slot on the tick schedule")
            .tag("mode", m)
            .serviceLevelObjectives(millis(1), millis(2.5), millis(5), millis(10), millis(25), millis(50),
                millis(100), millis(250))
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  public void tickOverruns(long count) {
    if (count > 0) {
      tickOverruns.increment(count);
    }
  }

  /** A player waited this long in the queue of {@code mode} before being placed in a room. */
  public void matchmakingWait(String mode, long millis) {
    waitTimers.computeIfAbsent(mode, m -> Timer.builder("playfield_matchmaking_wait")
            .description("Time from joining a queue to being placed in a room")
            .tag("mode", m)
            .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(120))
            .register(registry))
        .record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  /** The message meters of one encoding (json or binary), for a connection to keep and use per frame. */
  public WireMeters wire(String encoding) {
    return new WireMeters(counter("playfield_messages", "in", encoding), bytes("in", encoding),
        counter("playfield_messages", "out", encoding), bytes("out", encoding));
  }

  /** Counts the frames of one encoding and their payload bytes, in and out. */
  public record WireMeters(Counter messagesIn, DistributionSummary bytesIn, Counter messagesOut,
      DistributionSummary bytesOut) {

    /** One client frame of {@code bytes} payload received. */
    public void in(int bytes) {
      messagesIn.increment();
      bytesIn.record(bytes);
    }

    /** One client text frame received. */
    public void in(String text) {
      in(Utf8.length(text));
    }

    /** One frame sent to a client. */
    public void out(WireFormat.Frame frame) {
      messagesOut.increment();
      bytesOut.record(frame.text() ? Utf8.length(frame.textPayload()) : frame.payload().length());
    }
  }

  /**
   * An event-bus request that failed: {@code target} names what was asked (matchmaker, room,
   * room_host, seat...), {@code failure} why (see {@link dev.playfield.protocol.BusFailure}).
   */
  public void remoteFailure(String target, dev.playfield.protocol.BusFailure failure) {
    counters.computeIfAbsent("remote:" + target + ":" + failure.label(), k -> Counter.builder("playfield_remote_failures")
        .description("Event-bus requests that failed, by what was asked and why")
        .tag("target", target).tag("failure", failure.label()).register(registry)).increment();
  }

  /**
   * A room refused or dropped a player's input: {@code full} (the player's queue was full, the
   * oldest input went) or {@code stale} (its sequence was already applied or queued).
   */
  public void inputDropped(String reason) {
    counters.computeIfAbsent("input-dropped:" + reason, k -> Counter.builder("playfield_inputs_dropped")
        .description("Player inputs a room dropped, by reason").tag("reason", reason).register(registry)).increment();
  }

  /**
   * The gateway refused or closed a connection before it became a session: {@code reason} is the
   * cap it broke ({@code max_connections}, {@code max_connections_per_address}) or
   * {@code handshake_timeout}.
   */
  public void connectionRefused(String reason) {
    counters.computeIfAbsent("refused:" + reason, k -> Counter.builder("playfield_connections_refused")
        .description("Connections refused or closed before they became sessions, by reason")
        .tag("reason", reason).register(registry)).increment();
  }

  public void protocolError(ErrorCode code) {
    counters.computeIfAbsent("error:" + code.name(), k -> Counter.builder("playfield_protocol_errors")
        .description("Errors sent to clients, by code").tag("code", code.name()).register(registry)).increment();
  }

  /** A room sent a frame to a gateway on another node. */
  public void roomToGatewayHop() {
    roomToGatewayHops.increment();
  }

  /** For room failover (being built): a room resumed here after its node was lost. */
  public void roomFailedOver() {
    failovers.increment();
  }

  /** For seat resumption (being built): a player resumed their seat with a token. */
  public void sessionResumed() {
    resumptions.increment();
  }

  private Counter counter(String name, String direction, String encoding) {
    return counters.computeIfAbsent(name + ":" + direction + ":" + encoding, k -> Counter.builder(name)
        .description("WebSocket messages between clients and this node")
        .tag("direction", direction).tag("encoding", encoding).register(registry));
  }

  // A summary rather than a counter: its _sum is the byte total and its _count the frames, so the
  // average frame size is one division away.
  private DistributionSummary bytes(String direction, String encoding) {
    return byteSummaries.computeIfAbsent(direction + ":" + encoding, k -> DistributionSummary
        .builder("playfield_message_bytes")
        .description("Payload bytes of WebSocket messages between clients and this node")
        .tag("direction", direction).tag("encoding", encoding).register(registry));
  }

  private static Duration millis(double value) {
    return Duration.ofNanos(Math.round(value * 1_000_000));
  }

  /** The state name used in metrics for a room phase name such as {@code RUNNING}. */
  public static String state(Enum<?> phase) {
    String name = phase.name().toLowerCase(Locale.ROOT);
    return name.equals("disposed") ? null : name;
  }
}

package dev.playfield.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import io.vertx.micrometer.impl.MicrometerMetrics;
import java.util.EnumSet;
import java.util.UUID;

/**
 * Vert.x's own metrics (HTTP, event bus, pools, JVM) must be switched on when a Vert.x instance is
 * built; this is the one place that does it, for the standalone and the clustered launcher alike.
 */
public final class VertxMetricsSetup {

  private VertxMetricsSetup() {}

  /** {@code options} with Micrometer metrics on, in a Prometheus registry of this instance's own. */
  public static VertxOptions enable(VertxOptions options) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Vert.x keeps a handler count and a pending-message count per event-bus address, gauges told
    // apart only by the address label, which is off (below): every address after the first
    // registered the same gauge again (Micrometer's "This Gauge has been already registered"
    // warning at each start) and the series showed the first address's counts alone. Counts that
    // cannot say which address are dropped; messages sent, received and delivered remain. The
    // same holds for the HTTP server's active connections and requests, one gauge per server
    // instance (one per event loop) under one id: playfield_connected_players counts the
    // connections that matter.
    registry.config()
        .meterFilter(MeterFilter.denyNameStartsWith("vertx.http.server.active"))
        .meterFilter(MeterFilter.denyNameStartsWith("vertx.eventbus.handlers"))
        .meterFilter(MeterFilter.denyNameStartsWith("vertx.eventbus.pending"));
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        // A registry per instance: tests run several nodes in one JVM, each with its own numbers.
        .setRegistryName("playfield-" + UUID.randomUUID())
        // No event-bus address label: room addresses carry room ids, one series per room would
        // grow without bound. The side label (local or remote) is what tells cross-node traffic.
        .setLabels(EnumSet.of(Label.EB_SIDE, Label.EB_FAILURE, Label.HTTP_METHOD, Label.HTTP_CODE,
            Label.POOL_TYPE, Label.POOL_NAME))
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
    // Registered under the options' registry name, where Vert.x looks for its backend when built.
    BackendRegistries.setupBackend(metrics, registry);
    return options.setMetricsOptions(metrics);
  }

  /** The registry Vert.x reports into, or null when its metrics are off (a plain test instance). */
  static MeterRegistry registryOf(Vertx vertx) {
    // The metrics SPI object is the only handle on the registry Vert.x was given.
    if (vertx instanceof VertxInternal internal && internal.metrics() instanceof MicrometerMetrics metrics) {
      return metrics.registry();
    }
    return null;
  }
}

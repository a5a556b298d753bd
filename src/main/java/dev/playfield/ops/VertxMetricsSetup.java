package dev.playfield.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
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
    return options.setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        // A registry per instance: tests run several nodes in one JVM, each with its own numbers.
        .setRegistryName("playfield-" + UUID.randomUUID())
        // No event-bus address label: room addresses carry room ids, one series per room would
        // grow without bound. The side label (local or remote) is what tells cross-node traffic.
        .setLabels(EnumSet.of(Label.EB_SIDE, Label.EB_FAILURE, Label.HTTP_METHOD, Label.HTTP_CODE,
            Label.POOL_TYPE, Label.POOL_NAME))
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
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

package dev.playfield;

import dev.playfield.cluster.hazelcast.ClusterJoin;
import dev.playfield.cluster.hazelcast.HazelcastCluster;
import dev.playfield.config.ConfigLoader;
import dev.playfield.config.PlayfieldConfig;
import dev.playfield.ops.LogSetup;
import dev.playfield.ops.VertxMetricsSetup;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a Playfield node: {@code java -jar playfield.jar}. Standalone by default; clustered when
 * the configuration says so. On SIGTERM the node drains before it exits.
 */
public final class Playfield {

  private static final Logger log = LoggerFactory.getLogger(Playfield.class);

  /** Read before the configuration, which needs a Vert.x instance and so a transport, is loaded. */
  static final String TRANSPORT_VARIABLE = "PLAYFIELD_TRANSPORT";

  private Playfield() {}

  public static void main(String[] args) {
    PlayfieldConfig config;
    Vertx bootstrap = Vertx.vertx();
    try {
      config = ConfigLoader.load(bootstrap, System.getenv()).await();
      LogSetup.apply(config.log());
    } catch (Exception e) {
      log.error("Playfield could not start: {}", e.getMessage());
      bootstrap.close();
      System.exit(1);
      return;
    } finally {
      bootstrap.close();
    }
    try {
      Running running = start(config);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> running.stop(config), "playfield-shutdown"));
    } catch (Exception e) {
      log.error("Playfield could not start: {}", e.getMessage(), e);
      System.exit(1);
    }
  }

  /** A started node and how to leave. */
  private record Running(PlayfieldNode node, java.util.function.Supplier<Future<Void>> leave) {
    void stop(PlayfieldConfig config) {
      try {
        node.drain().eventually(leave::get)
            .toCompletionStage().toCompletableFuture()
            .get(config.node().drainTimeoutSeconds() + 15L, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("shutdown did not finish cleanly: {}", e.toString());
      }
    }
  }

  private static Running start(PlayfieldConfig config) {
    Transport transport = chooseTransport(System.getenv().getOrDefault(TRANSPORT_VARIABLE, "auto"));
    VertxOptions options = VertxMetricsSetup.enable(new VertxOptions())
        .setEventLoopPoolSize(config.node().eventLoopThreads());
    log.info("network transport: {}, {} event loop(s), JIT compilers {}", transport.name(),
        options.getEventLoopPoolSize(), compilerPriority());
    if (!config.cluster().enabled()) {
      Vertx vertx = Vertx.builder().with(options).withTransport(transport).build();
      PlayfieldNode node = new PlayfieldNode(vertx, config).start().await();
      return new Running(node, vertx::close);
    }
    log.info("joining cluster '{}' as {}:{} via {}", config.cluster().name(), config.cluster().host(),
        config.cluster().port(), config.cluster().members());
    long joining = System.nanoTime();
    ClusterJoin.Joined joined = ClusterJoin.join(config.cluster(), options, transport)
        .await();
    log.info("joined cluster '{}' in {} ms: {} members", config.cluster().name(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - joining), joined.hazelcast().getCluster().getMembers().size());
    PlayfieldNode node = new PlayfieldNode(joined.vertx(), config, HazelcastCluster.services(
        joined.vertx(), joined.hazelcast(), joined.nodeId())).start().await();
    return new Running(node, joined::leave);
  }

  /**
   * Whether the JVM was started with config/jvm.options' compiler priority: on a node with few cores
   * a compiler at normal priority delays ticks, so the start line says which one this node has.
   */
  static String compilerPriority() {
    boolean lowered = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(argument -> argument.startsWith("-XX:CompilerThreadPriority="));
    return lowered ? "at lowered priority" : "at normal priority (see config/jvm.options)";
  }

  /**
   * The transport named by {@code wanted} ({@code io_uring}, {@code epoll}, {@code nio}), or with
   * {@code auto} the fastest that loads here: native io_uring, then native epoll, then NIO. The
   * native ones cost about half of NIO per frame, and per-frame cost is what bounds a node.
   */
  static Transport chooseTransport(String wanted) {
    List<Transport> candidates = switch (wanted.toLowerCase(Locale.ROOT)) {
      case "io_uring", "io-uring", "iouring" -> List.of(Transport.IO_URING);
      case "epoll" -> List.of(Transport.EPOLL);
      case "nio" -> List.of(Transport.NIO);
      case "auto", "" -> List.of(Transport.IO_URING, Transport.EPOLL);
      default -> throw new IllegalArgumentException(TRANSPORT_VARIABLE + ": unknown transport '" + wanted
          + "'; use auto, io_uring, epoll or nio");
    };
    for (Transport candidate : candidates) {
      if (candidate == Transport.NIO || candidate.available()) {
        return candidate;
      }
      Throwable cause = candidate.unavailabilityCause();
      log.info("transport {} does not load here: {}", candidate.name(),
          cause == null ? "unavailable" : cause.toString());
    }
    return Transport.NIO;
  }
}

package dev.playfield;

import dev.playfield.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.transport.Transport;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a Playfield node: {@code java -jar playfield.jar}. Configuration: see config/playfield.yaml. */
public final class Playfield {

  private static final Logger log = LoggerFactory.getLogger(Playfield.class);

  /** Read before the configuration, which needs a Vert.x instance and so a transport, is loaded. */
  static final String TRANSPORT_VARIABLE = "PLAYFIELD_TRANSPORT";

  private Playfield() {}

  public static void main(String[] args) {
    Transport transport = chooseTransport(System.getenv().getOrDefault(TRANSPORT_VARIABLE, "auto"));
    Vertx vertx = Vertx.builder().withTransport(transport).build();
    log.info("network transport: {}", transport.name());
    ConfigLoader.load(vertx, System.getenv())
        .compose(config -> new PlayfieldNode(vertx, config).start())
        .onFailure(cause -> {
          log.error("Playfield could not start: {}", cause.getMessage(), cause);
          vertx.close().onComplete(done -> System.exit(1));
        });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await(), "playfield-shutdown"));
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

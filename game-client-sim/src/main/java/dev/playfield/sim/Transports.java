package dev.playfield.sim;

import io.vertx.core.transport.Transport;
import java.util.List;
import java.util.Locale;

/** Picks Netty's transport: native io_uring, else native epoll, else NIO, unless one is named. */
final class Transports {

  private Transports() {}

  static Transport choose(String wanted) {
    List<Transport> candidates = switch (wanted.toLowerCase(Locale.ROOT)) {
      case "io_uring", "io-uring", "iouring" -> List.of(Transport.IO_URING);
      case "epoll" -> List.of(Transport.EPOLL);
      case "nio" -> List.of(Transport.NIO);
      case "auto", "" -> List.of(Transport.IO_URING, Transport.EPOLL);
      default -> throw new IllegalArgumentException("--transport: unknown '" + wanted
          + "'; use auto, io_uring, epoll or nio");
    };
    for (Transport candidate : candidates) {
      if (candidate == Transport.NIO || candidate.available()) {
        return candidate;
      }
    }
    return Transport.NIO;
  }
}

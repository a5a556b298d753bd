package dev.playfield;

import dev.playfield.config.ConfigLoader;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a Playfield node: {@code java -jar playfield.jar}. Configuration: see config/playfield.yaml. */
public final class Playfield {

  private static final Logger log = LoggerFactory.getLogger(Playfield.class);

  private Playfield() {}

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    ConfigLoader.load(vertx, System.getenv())
        .compose(config -> new PlayfieldNode(vertx, config).start())
        .onFailure(cause -> {
          log.error("Playfield could not start: {}", cause.getMessage(), cause);
          vertx.close().onComplete(done -> System.exit(1));
        });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await(), "playfield-shutdown"));
  }
}

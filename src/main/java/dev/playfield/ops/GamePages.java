package dev.playfield.ops;

import dev.playfield.game.GameType;
import dev.playfield.plugin.GameCatalog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/**
 * Serves each game's own browser page at {@code /games/<game>/}, from the folder its {@link
 * GameType#pageResources()} names inside its jar, read through the game's class loader (a plug-in's
 * files are not on the node's class path). Reads run on a worker thread; each file is read once.
 */
final class GamePages {

  private GamePages() {}

  /** The path of a game's page, or null when it has none. */
  static String pathOf(GameType type) {
    return type.pageResources().isPresent() ? "/games/" + type.name() + "/" : null;
  }

  static void mount(Router router, Vertx vertx, GameCatalog games) {
    for (GameCatalog.LoadedGame game : games.all()) {
      GameType type = game.type();
      GameCatalog.pageFolder(type).ifPresent(root -> {
        String mount = "/games/" + type.name();
        ClassLoader loader = type.getClass().getClassLoader();
        router.route(mount + "*").handler(new WebAssets(mount, file -> read(vertx, loader, root + file)));
      });
    }
  }

  private static Future<Buffer> read(Vertx vertx, ClassLoader loader, String resource) {
    return vertx.executeBlocking(() -> {
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          throw new NoSuchElementException(resource);
        }
        return Buffer.buffer(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, false);
  }
}

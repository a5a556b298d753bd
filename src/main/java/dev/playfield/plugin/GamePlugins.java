package dev.playfield.plugin;

import dev.playfield.game.GameType;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the games a node hosts through {@link ServiceLoader}: those on the server's class path
 * (arena), then those of every jar in the games folder, each jar in a class loader of its own
 * whose parent is the server's (so a game sees the game API and Protobuf, and nothing of another
 * game). Anything wrong stops the start with a message naming the jar: a jar that does not open,
 * names no game, or whose game does not load; two games of one name; a game without a mode.
 */
public final class GamePlugins {

  private static final Logger log = LoggerFactory.getLogger(GamePlugins.class);
  private static final String CLASS_PATH = "class path";

  private GamePlugins() {}

  /** The built-in games plus those of the jars in {@code gamesDir}; an absent folder adds none. */
  public static GameCatalog load(Optional<Path> gamesDir) {
    List<GameCatalog.LoadedGame> loaded = new ArrayList<>();
    ClassLoader server = GamePlugins.class.getClassLoader();
    for (GameType type : providers(ServiceLoader.load(GameType.class, server), server, CLASS_PATH)) {
      loaded.add(checked(type, CLASS_PATH));
    }
    for (Path jar : gamesDir.map(GamePlugins::jarsIn).orElse(List.of())) {
      loaded.addAll(loadJar(jar, server));
    }
    GameCatalog catalog = new GameCatalog(loaded);
    log.info("games: {}", catalog.describe());
    return catalog;
  }

  private static List<Path> jarsIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      log.info("games folder {} does not exist: built-in games only", dir.toAbsolutePath());
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("games folder " + dir + ": cannot list it: " + e.getMessage(), e);
    }
  }

  private static List<GameCatalog.LoadedGame> loadJar(Path jar, ClassLoader server) {
    String source = jar.toString();
    try (JarFile opened = new JarFile(jar.toFile())) {
      if (opened.getEntry("META-INF/services/" + GameType.class.getName()) == null) {
        throw new IllegalStateException("game jar " + source + ": names no game (it needs META-INF/services/"
            + GameType.class.getName() + ")");
      }
    } catch (IOException e) {
      throw new IllegalStateException("game jar " + source + ": not a readable jar: " + e.getMessage(), e);
    }
    // Never closed: the game's classes are used for the whole life of the node.
    URLClassLoader loader = new URLClassLoader("game:" + jar.getFileName(), new URL[] {url(jar)}, server);
    List<GameCatalog.LoadedGame> games = new ArrayList<>();
    for (GameType type : providers(ServiceLoader.load(GameType.class, loader), loader, source)) {
      games.add(checked(type, source));
    }
    return games;
  }

  /** The providers whose classes {@code loader} itself defines: a jar's own, not its parent's again. */
  private static List<GameType> providers(ServiceLoader<GameType> services, ClassLoader loader, String source) {
    List<GameType> types = new ArrayList<>();
    try {
      services.stream()
          .filter(p -> loader == GamePlugins.class.getClassLoader() || p.type().getClassLoader() == loader)
          .forEach(p -> types.add(p.get()));
    } catch (ServiceConfigurationError | LinkageError e) {
      throw new IllegalStateException("game jar " + source + ": its game does not load: " + rootMessage(e), e);
    }
    return types;
  }

  private static GameCatalog.LoadedGame checked(GameType type, String source) {
    String name;
    try {
      name = type.name();
      if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
        throw new IllegalStateException("game " + type.getClass().getName() + " (" + source
            + "): a game's name is lower-case letters, digits and dashes, got '" + name + "'");
      }
      if (type.modes() == null || type.modes().isEmpty()) {
        throw new IllegalStateException("game '" + name + "' (" + source + ") offers no mode");
      }
      String page = GameCatalog.pageFolder(type).map(folder -> folder + "/index.html").orElse(null);
      if (page != null && type.getClass().getClassLoader().getResource(page) == null) {
        throw new IllegalStateException("game '" + name + "' (" + source + "): its page has no " + page);
      }
    } catch (RuntimeException | LinkageError e) {
      if (e instanceof IllegalStateException) {
        throw e;
      }
      throw new IllegalStateException("game " + type.getClass().getName() + " (" + source + ") fails to describe itself: "
          + rootMessage(e), e);
    }
    return new GameCatalog.LoadedGame(type, source);
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException("game jar " + jar + ": " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
  }
}

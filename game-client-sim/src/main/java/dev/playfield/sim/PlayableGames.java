package dev.playfield.sim;

import com.google.protobuf.Descriptors.Descriptor;
import dev.playfield.game.GameType;
import dev.playfield.game.StateStream;
import dev.playfield.game.bot.GameBots;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The games the simulator can play, found through {@link ServiceLoader} as {@link GameBots}: those
 * on the simulator's class path (arena), then those of every jar in the games folder, each jar in
 * a class loader of its own whose parent is the simulator's (so its bots see the game API and
 * Protobuf, and nothing of another game). What the wire needs of a game comes from its bots when
 * they are a {@link GameWire}, else from the {@link GameType} of the same name in the same jar.
 *
 * <p>Anything wrong is an {@link IllegalArgumentException} whose message names the jar: a jar that
 * does not open, names no bots, or whose bots do not load; two sources of bots for one game.
 */
final class PlayableGames {

  static final String CLASS_PATH = "class path";
  private static final String BOTS_SERVICE = "META-INF/services/" + GameBots.class.getName();

  private final Map<String, PlayableGame> byName;

  private PlayableGames(Map<String, PlayableGame> byName) {
    this.byName = byName;
  }

  /** The built-in games plus those of the jars in {@code gamesDir}, which must be a folder when given. */
  static PlayableGames load(Optional<Path> gamesDir) {
    Map<String, PlayableGame> games = new LinkedHashMap<>();
    ClassLoader own = PlayableGames.class.getClassLoader();
    addAll(games, from(own, own, CLASS_PATH));
    for (Path jar : gamesDir.map(PlayableGames::jarsIn).orElse(List.of())) {
      addAll(games, fromJar(jar, own));
    }
    return new PlayableGames(games);
  }

  /**
   * The game named {@code name}.
   *
   * @throws IllegalArgumentException when there is none; the message lists the games there are
   */
  PlayableGame game(String name) {
    PlayableGame game = byName.get(name);
    if (game == null) {
      throw new IllegalArgumentException("--game: no bots for game '" + name + "'; available: " + describe()
          + " (a game jar in --games-dir brings its own)");
    }
    return game;
  }

  /** Each game with where its bots came from, such as {@code arena (class path)}. */
  String describe() {
    List<String> names = new ArrayList<>();
    byName.values().forEach(g -> names.add(g.name() + " (" + g.source() + ")"));
    return String.join(", ", names);
  }

  private static void addAll(Map<String, PlayableGame> games, List<PlayableGame> found) {
    for (PlayableGame game : found) {
      PlayableGame before = games.putIfAbsent(game.name(), game);
      if (before != null) {
        throw new IllegalArgumentException("bots for game '" + game.name() + "' found twice: in " + before.source()
            + " and in " + game.source());
      }
    }
  }

  private static List<Path> jarsIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--games-dir " + dir + ": not a folder");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("--games-dir " + dir + ": cannot list it: " + e.getMessage(), e);
    }
  }

  private static List<PlayableGame> fromJar(Path jar, ClassLoader parent) {
    String source = jar.toString();
    try (JarFile opened = new JarFile(jar.toFile())) {
      if (opened.getEntry(BOTS_SERVICE) == null) {
        throw new IllegalArgumentException("game jar " + source + ": names no bots (it needs " + BOTS_SERVICE + ")");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("game jar " + source + ": not a readable jar: " + e.getMessage(), e);
    }
    // Never closed: the bots' classes are used until the simulator exits.
    URLClassLoader loader = new URLClassLoader("game:" + jar.getFileName(), new URL[] {url(jar)}, parent);
    List<PlayableGame> games = from(loader, parent, source);
    if (games.isEmpty()) {
      throw new IllegalArgumentException("game jar " + source + ": names no GameBots class of its own in " + BOTS_SERVICE);
    }
    return games;
  }

  /** The bots {@code loader} itself defines (or all it sees, for the simulator's own loader). */
  private static List<PlayableGame> from(ClassLoader loader, ClassLoader simulator, String source) {
    List<PlayableGame> games = new ArrayList<>();
    try {
      for (GameBots bots : ownProviders(GameBots.class, loader, simulator)) {
        String game = bots.game();
        if (game == null || !game.matches("[a-z0-9][a-z0-9-]*")) {
          throw new IllegalArgumentException(where(source) + "bots " + bots.getClass().getName()
              + " name their game '" + game + "' (lower-case letters, digits and dashes)");
        }
        games.add(playable(bots, loader, simulator, source));
      }
    } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalArgumentException(where(source) + "its bots do not load: " + rootMessage(e), e);
    }
    return games;
  }

  private static PlayableGame playable(GameBots bots, ClassLoader loader, ClassLoader simulator, String source) {
    if (bots instanceof GameWire wire) {
      return new PlayableGame(bots, source, listOf(wire.messageTypes()), wire.stateStream());
    }
    for (GameType type : ownProviders(GameType.class, loader, simulator)) {
      if (bots.game().equals(type.name())) {
        return new PlayableGame(bots, source, listOf(type.messageTypes()), type.stateStream());
      }
    }
    // Without the game's types JSON cannot be spoken, and without its state stream a silent room
    // is taken for a turn-based one rather than for a lost one.
    return new PlayableGame(bots, source, List.of(), StateStream.ON_CHANGE);
  }

  private static <S> List<S> ownProviders(Class<S> service, ClassLoader loader, ClassLoader simulator) {
    List<S> found = new ArrayList<>();
    ServiceLoader.load(service, loader).stream()
        .filter(p -> loader == simulator || p.type().getClassLoader() == loader)
        .forEach(p -> found.add(p.get()));
    return found;
  }

  private static List<Descriptor> listOf(Iterable<Descriptor> types) {
    List<Descriptor> list = new ArrayList<>();
    types.forEach(list::add);
    return list;
  }

  private static String where(String source) {
    return source.equals(CLASS_PATH) ? CLASS_PATH + ": " : "game jar " + source + ": ";
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("game jar " + jar + ": " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e) : e.getMessage() + " (" + root + ")";
  }
}

package dev.playfield.plugin;

import com.google.protobuf.Descriptors.Descriptor;
import dev.playfield.game.GameMode;
import dev.playfield.game.GameType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The games a node can host, by name, each with where it was loaded from. Immutable; safe to share
 * between threads. Built by {@link GamePlugins}.
 */
public final class GameCatalog {

  /** A game and where it came from: {@code "class path"} or the jar's path, for messages that name it. */
  public record LoadedGame(GameType type, String source) {}

  private final Map<String, LoadedGame> games = new LinkedHashMap<>();

  GameCatalog(List<LoadedGame> loaded) {
    Map<String, String> modeOwners = new LinkedHashMap<>();
    for (LoadedGame game : loaded) {
      String name = game.type().name();
      LoadedGame before = games.putIfAbsent(name, game);
      if (before != null) {
        throw new IllegalStateException("two games are named '" + name + "': " + before.source() + " and " + game.source());
      }
      for (GameMode mode : game.type().modes()) {
        String owner = modeOwners.putIfAbsent(mode.name(), name);
        if (owner != null) {
          throw new IllegalStateException("games '" + owner + "' and '" + name + "' (" + game.source()
              + ") both offer a mode named '" + mode.name() + "'");
        }
      }
    }
  }

  /** The games on the server's own class path (arena): what a node has without a games folder. */
  public static GameCatalog builtIn() {
    return GamePlugins.load(Optional.empty());
  }

  /**
   * The class-path folder of a game's page without leading or trailing slashes (its files are
   * {@code folder + "/" + path}), or empty when the game has no page.
   */
  public static Optional<String> pageFolder(GameType type) {
    return type.pageResources().map(folder -> folder.replaceAll("^/+|/+$", ""));
  }

  public Optional<GameType> find(String name) {
    return Optional.ofNullable(games.get(name)).map(LoadedGame::type);
  }

  public Collection<LoadedGame> all() {
    return List.copyOf(games.values());
  }

  /** Every mode the games offer before configuration, in load order. */
  public List<GameMode> defaultModes() {
    List<GameMode> modes = new ArrayList<>();
    games.values().forEach(game -> modes.addAll(game.type().modes()));
    return modes;
  }

  /** The game names with their sources, for a message that has to say what is loaded. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    games.values().forEach(game -> parts.add(game.type().name() + " (" + game.source() + ")"));
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  /** Every game message type, for the JSON encoding of {@code google.protobuf.Any}. */
  public List<Descriptor> messageTypes() {
    List<Descriptor> all = new ArrayList<>();
    games.values().forEach(game -> game.type().messageTypes().forEach(all::add));
    return all;
  }
}

package dev.playfield.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import dev.playfield.plugin.GameCatalog;
import dev.playfield.plugin.GamePlugins;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the node configuration in three layers: the defaults built into the jar, the config file
 * ({@code PLAYFIELD_CONFIG}, else {@code config/playfield.yaml}, skipped when absent), then
 * environment variables (see {@link EnvOverrides}); the modes of the games found in {@code
 * games.dir} fill in what the layers leave out (see {@link GameModes}).
 */
public final class ConfigLoader {

  static final String DEFAULTS_RESOURCE = "defaults/playfield.yaml";
  static final String DEFAULT_FILE = "config/playfield.yaml";

  private ConfigLoader() {}

  public static Future<PlayfieldConfig> load(Vertx vertx, Map<String, String> env) {
    String file = env.getOrDefault("PLAYFIELD_CONFIG", DEFAULT_FILE);
    boolean explicit = env.containsKey("PLAYFIELD_CONFIG");
    ConfigRetrieverOptions options = new ConfigRetrieverOptions()
        .setIncludeDefaultStores(false)
        .addStore(yaml(DEFAULTS_RESOURCE, false))
        // An explicitly named file must exist; the conventional one is optional.
        .addStore(yaml(file, !explicit));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
        .eventually(retriever::close)
        .map(layered -> withGames(layered, env));
  }

  /**
   * The games are loaded from the folder the configuration names, and their modes join the
   * configuration before the environment is applied, so a game's own mode has variables too.
   */
  private static PlayfieldConfig withGames(JsonObject layered, Map<String, String> env) {
    String dir = EnvOverrides.apply(layered, env).getJsonObject("games", new JsonObject()).getString("dir", "");
    GameCatalog games = GamePlugins.load(dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir)));
    return PlayfieldConfig.from(EnvOverrides.apply(GameModes.complete(layered, games), env), games);
  }

  private static ConfigStoreOptions yaml(String path, boolean optional) {
    return new ConfigStoreOptions()
        .setType("file")
        .setFormat("yaml")
        .setOptional(optional)
        .setConfig(new JsonObject().put("path", path));
  }
}

package dev.playfield.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Loads the node configuration in three layers: the defaults built into the jar, the config file
 * ({@code PLAYFIELD_CONFIG}, else {@code config/playfield.yaml}, skipped when absent), then
 * environment variables (see {@link EnvOverrides}).
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
        .map(layered -> PlayfieldConfig.from(EnvOverrides.apply(layered, env)));
  }

  private static ConfigStoreOptions yaml(String path, boolean optional) {
    return new ConfigStoreOptions()
        .setType("file")
        .setFormat("yaml")
        .setOptional(optional)
        .setConfig(new JsonObject().put("path", path));
  }
}

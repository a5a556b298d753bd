package dev.playfield.ops;

import dev.playfield.config.ModeConfig;
import dev.playfield.plugin.GameCatalog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Collection;

/**
 * {@code GET /api/modes}: what this node plays, for clients and lobbies. Public and the same on
 * every node of a cluster (modes come from the games and the configuration, which the nodes
 * share), so any origin may read it.
 */
final class ModesRoute {

  private ModesRoute() {}

  static void mount(Router router, Collection<ModeConfig> modes, GameCatalog games) {
    String body = describe(modes, games).encode();
    router.get("/api/modes").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Access-Control-Allow-Origin", "*")
        .putHeader("Cache-Control", "no-cache")
        .end(body));
  }

  static JsonObject describe(Collection<ModeConfig> modes, GameCatalog games) {
    JsonArray list = new JsonArray();
    for (ModeConfig mode : modes) {
      var type = games.find(mode.game()).orElseThrow();
      JsonObject entry = new JsonObject()
          .put("name", mode.name())
          .put("game", mode.game())
          .put("matchSize", mode.queue().matchSize())
          .put("minPlayers", mode.queue().minPlayers())
          .put("tickRate", mode.tickRate())
          .put("stateStream", type.stateStream().name());
      String page = GamePages.pathOf(type);
      if (page != null) {
        // One page serves every mode of its game: the link says which one to queue for.
        entry.put("page", page + "?mode=" + mode.name());
      }
      list.add(entry);
    }
    return new JsonObject().put("modes", list);
  }
}

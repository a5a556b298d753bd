package dev.playfield.ops;

import dev.playfield.cluster.ClusterServices;
import dev.playfield.node.LocalLoad;
import dev.playfield.config.ModeConfig;
import dev.playfield.config.PlayfieldConfig.AdminConfig;
import dev.playfield.plugin.GameCatalog;
import dev.playfield.store.PlayerStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.Collection;

/**
 * Everything the node serves over HTTP besides game sessions: {@code /metrics}, {@code /health},
 * {@code /ready}, the admin API, the list of modes at {@code /api/modes}, the leaderboards at
 * {@code /api/leaderboards/<mode>}, and the static pages (the
 * browser client at {@code /}, the monitor at {@code /admin/}, each game's own at {@code /games/<game>/}). The order matters: the admin guard comes before the admin API.
 */
public final class OpsRoutes {

  private final Vertx vertx;
  private final ClusterServices cluster;
  private final PlayerStore store;
  private final LocalLoad load;
  private final AdminConfig admin;
  private final PlayfieldMetrics metrics;

  private final Collection<ModeConfig> modes;
  private final GameCatalog games;

  public OpsRoutes(Vertx vertx, ClusterServices cluster, PlayerStore store, LocalLoad load, AdminConfig admin, PlayfieldMetrics metrics,
      Collection<ModeConfig> modes, GameCatalog games) {
    this.vertx = vertx;
    this.modes = modes;
    this.games = games;
    this.metrics = metrics;
    this.cluster = cluster;
    this.store = store;
    this.load = load;
    this.admin = admin;
  }

  public void mount(Router router) {
    router.get("/metrics").handler(new MetricsScrape(metrics.registry()));
    HealthRoutes.mount(router, vertx, cluster.nodeId(), load, cluster.nodes(), store);
    router.route("/admin/api/*").handler(new AdminAuth(admin.token()));
    new AdminApi(vertx.eventBus(), cluster).mount(router);
    ModesRoute.mount(router, modes, games);
    LeaderboardRoute.mount(router, store, modes.stream().map(ModeConfig::name).collect(java.util.stream.Collectors.toSet()));
    GamePages.mount(router, vertx, games);
    router.route("/*").handler(new WebAssets(vertx));
  }
}

package dev.playfield.sim;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.transport.Transport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One run of the simulator: its own Vert.x instance, the bots split over one {@link BotDriver} per
 * event loop, the once-a-second {@link ProgressReporter}, and the report at the end. Blocking: call
 * {@link #run} from a plain thread (the command's main thread or a test), never from an event loop.
 */
final class Simulation {

  /** How long bots get to close their connections after the run. */
  private static final long LEAVE_GRACE_MILLIS = 5_000;

  private final SimSettings settings;
  private final PlayableGame game;
  private final PrintStream progressOut;

  /**
   * @param game the game the bots play; {@code settings.behavior()} is one of its behaviours
   * @param progressOut where the live line goes once a second; null for none
   */
  Simulation(SimSettings settings, PlayableGame game, PrintStream progressOut) {
    this.settings = settings;
    this.game = game;
    this.progressOut = progressOut;
  }

  RunReport run() throws InterruptedException {
    Transport transport = Transports.choose(settings.transport());
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setEventLoopPoolSize(settings.eventLoops()))
        .withTransport(transport)
        .build();
    if (progressOut != null) {
      progressOut.println("game-client-sim: transport " + transport.name() + ", " + settings.eventLoops()
          + " event loop(s), " + settings.bots() + " " + game.name() + " bots (" + settings.behavior() + ", "
          + game.source() + "), " + settings.encoding().name().toLowerCase() + " encoding");
    }
    try {
      return runOn(vertx);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
  }

  private RunReport runOn(Vertx vertx) throws InterruptedException {
    Metrics metrics = new Metrics();
    // Vert.x 5.0.7: -1 (no limit) leaves every connect waiting for ever; a large number means the same.
    var client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(Math.max(1_000, settings.bots() * 2))
        .setConnectTimeout(10_000));
    BotContext context = new BotContext(client, ClientWire.of(settings.encoding(), game.messageTypes()), metrics,
        settings, game, Math.round(1e9 / settings.inputRate()), settings.pingInterval().toNanos());
    int drivers = settings.eventLoops();
    List<List<Bot>> shares = new ArrayList<>();
    for (int d = 0; d < drivers; d++) {
      shares.add(new ArrayList<>());
    }
    List<Bot> all = new ArrayList<>();
    SplittableRandom seeds = new SplittableRandom(settings.seed());
    for (int i = 0; i < settings.bots(); i++) {
      // Each bot starts on its own node (spread as a load balancer would) and fails over to the next.
      List<String> urls = new ArrayList<>(settings.urls());
      Collections.rotate(urls, -(i % urls.size()));
      Bot bot = new Bot(i, context, urls, game.bots().create(settings.behavior(), seeds.nextLong()));
      shares.get(i % drivers).add(bot);
      all.add(bot);
    }

    long start = System.nanoTime() + 100_000_000L;
    long spacing = Math.round(1e9 / settings.rampPerSecond());
    for (int i = 0; i < all.size(); i++) {
      all.get(i).startAt(start + i * spacing);
    }
    List<BotDriver> deployed = new ArrayList<>();
    for (int d = 0; d < drivers; d++) {
      BotDriver driver = new BotDriver(shares.get(d), start,
          settings.churnPerMinute() / 60.0 / drivers, seeds.nextLong());
      deployed.add(driver);
      await(vertx.deployVerticle(driver, new DeploymentOptions()), 10_000);
    }

    long warmupEnd = start + settings.warmup().toNanos();
    long end = start + settings.duration().toNanos();
    ProgressReporter progress = new ProgressReporter(metrics, all, start, warmupEnd, progressOut);
    long timer = vertx.setPeriodic(Math.max(1, (start - System.nanoTime()) / 1_000_000) + 1_000, 1_000,
        id -> progress.sample(true));
    long sleep;
    while ((sleep = end - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(Math.min(sleep, 200_000_000L));
    }
    vertx.cancelTimer(timer);
    progress.sample(false);
    long endNanos = System.nanoTime();
    for (BotDriver driver : deployed) {
      await(driver.finish(), 5_000);
    }
    RunReport report = RunReport.of(settings, metrics, progress, endNanos);
    long deadline = System.currentTimeMillis() + LEAVE_GRACE_MILLIS;
    while (System.currentTimeMillis() < deadline && !all.stream().allMatch(Bot::closed)) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    return report;
  }

  private static <T> T await(Future<T> future, long millis) {
    return future.toCompletionStage().toCompletableFuture().orTimeout(millis, TimeUnit.MILLISECONDS).join();
  }
}

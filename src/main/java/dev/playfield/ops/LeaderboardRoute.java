package dev.playfield.ops;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.playfield.limits.TokenBuckets;
import dev.playfield.store.StoreMessages;
import dev.playfield.store.PlayerStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/leaderboards/{mode}?offset=&limit=}: a page of the mode's leaderboard as public
 * JSON, the protocol's {@code Leaderboard} message printed as proto3 JSON (without {@code you}).
 * Pages are cached for {@link #CACHE_MILLIS}, so a crowd refreshing a page costs one query per
 * period; each client address may ask {@link #PER_SECOND} times a second (bursts of {@link #BURST}),
 * beyond that the answer is 429.
 */
final class LeaderboardRoute implements Handler<RoutingContext> {

  static final long CACHE_MILLIS = 5_000;
  /** Pages kept at most; when full the cache is emptied at once (each page then costs one query again). */
  static final int MAX_CACHED_PAGES = 1_000;
  static final int PER_SECOND = 5;
  static final int BURST = 20;
  static final int MAX_ADDRESSES = 10_000;
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final int MAX_OFFSET = 1_000_000;

  private static final Logger log = LoggerFactory.getLogger(LeaderboardRoute.class);
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().alwaysPrintFieldsWithNoPresence()
      .omittingInsignificantWhitespace();

  private record Cached(String body, long expiresAtNanos) {}

  private final PlayerStore store;
  private final Set<String> modes;
  private final LongSupplier nanoTime;
  /** Per client address; guarded by itself (requests arrive on every event loop). */
  private final TokenBuckets limits;
  private final Map<String, Future<Cached>> cache = new ConcurrentHashMap<>();

  LeaderboardRoute(PlayerStore store, Set<String> modes, LongSupplier nanoTime) {
    this.store = store;
    this.modes = modes;
    this.nanoTime = nanoTime;
    this.limits = new TokenBuckets(BURST, PER_SECOND, MAX_ADDRESSES, nanoTime);
  }

  static void mount(Router router, PlayerStore store, Set<String> modes) {
    router.get("/api/leaderboards/:mode").handler(new LeaderboardRoute(store, modes, System::nanoTime));
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().putHeader("Access-Control-Allow-Origin", "*");
    if (!allowed(ctx.request().remoteAddress().host())) {
      ctx.response().putHeader("Retry-After", "1");
      error(ctx, 429, "too many requests; slow down");
      return;
    }
    String mode = ctx.pathParam("mode");
    if (!modes.contains(mode)) {
      error(ctx, 404, "no mode named '" + mode + "'");
      return;
    }
    Integer offset = number(ctx.request().getParam("offset"), 0, 0, MAX_OFFSET);
    Integer limit = number(ctx.request().getParam("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
    if (offset == null || limit == null) {
      error(ctx, 400, "offset must be 0 to " + MAX_OFFSET + " and limit 1 to " + MAX_LIMIT);
      return;
    }
    page(mode, offset, limit).onComplete(done -> {
      if (done.succeeded()) {
        ctx.response().putHeader("Content-Type", "application/json")
            .putHeader("Cache-Control", "public, max-age=" + CACHE_MILLIS / 1000).end(done.result().body());
      } else {
        log.warn("leaderboard {}: the store did not answer: {}", mode, done.cause().getMessage());
        error(ctx, 503, "the leaderboard cannot be read now; try again");
      }
    });
  }

  private boolean allowed(String address) {
    synchronized (limits) {
      return limits.tryTake(address);
    }
  }

  /** The cached page, or one query for it that every request meanwhile shares. */
  private Future<Cached> page(String mode, int offset, int limit) {
    String key = mode + "/" + offset + "/" + limit;
    long now = nanoTime.getAsLong();
    Future<Cached> cached = cache.get(key);
    if (cached != null && (!cached.isComplete() || cached.succeeded() && cached.result().expiresAtNanos() - now > 0)) {
      return cached;
    }
    if (cache.size() >= MAX_CACHED_PAGES) {
      cache.clear();
    }
    Future<Cached> fresh = store.leaderboard(mode, offset, limit).map(page -> {
      try {
        return new Cached(PRINTER.print(StoreMessages.leaderboard(page, null)), now + CACHE_MILLIS * 1_000_000);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException(e);
      }
    });
    cache.put(key, fresh);
    // A failure is not kept: the next request asks the store again.
    fresh.onFailure(cause -> cache.remove(key, fresh));
    return fresh;
  }

  private static Integer number(String text, int absent, int min, int max) {
    if (text == null || text.isEmpty()) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text);
      return value < min || value > max ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void error(RoutingContext ctx, int status, String message) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }
}

package dev.playfield.ops;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Serves static files (the browser client and the monitor page from {@code webroot/}, a game's
 * own page from its jar) with caching headers a CDN can use. The files are not fingerprinted (app.js is app.js in every release), so no cache may
 * keep one without asking: {@code Cache-Control: public, no-cache} lets a CDN or browser store a
 * file and revalidate it with its {@code ETag}, a hash of the content, which costs a 304 when
 * nothing changed. Files are read once and kept: they ship in jars, so the set is bounded.
 */
final class WebAssets implements Handler<RoutingContext> {

  static final String CACHE_CONTROL = "public, no-cache";
  private static final String ROOT = "webroot";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "json", "application/json",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon",
      "txt", "text/plain; charset=utf-8");

  private record Asset(Buffer body, String etag, String contentType) {}

  private final String mountPath;
  private final Function<String, Future<Buffer>> reader;
  private final Map<String, Asset> assets = new ConcurrentHashMap<>();

  /** The node's own pages, from {@code webroot/} on its class path, at {@code /}. */
  WebAssets(Vertx vertx) {
    this("", file -> vertx.fileSystem().readFile(ROOT + file));
  }

  /**
   * Files below {@code mountPath} (such as {@code /games/dice}, no trailing slash), read by {@code
   * reader}, which gets the path below the mount (starting with "/") and fails when there is none.
   */
  WebAssets(String mountPath, Function<String, Future<Buffer>> reader) {
    this.mountPath = mountPath;
    this.reader = reader;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    // normalizedPath() has resolved "." and ".." segments, so the path cannot leave webroot.
    String full = ctx.normalizedPath();
    if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || full.contains("\\") || !full.startsWith(mountPath)) {
      ctx.next();
      return;
    }
    String path = full.substring(mountPath.length());
    if (path.isEmpty()) {
      ctx.redirect(full + "/");
      return;
    }
    String file = path.endsWith("/") ? path + "index.html" : path;
    find(file).onComplete(found -> {
      if (found.succeeded()) {
        serve(ctx, found.result());
      } else if (!path.endsWith("/") && !path.contains(".")) {
        // "/admin" -> "/admin/" when it is a folder with an index, so relative links resolve.
        find(path + "/index.html").onComplete(index -> {
          if (index.succeeded()) {
            ctx.redirect(full + "/");
          } else {
            ctx.next();
          }
        });
      } else {
        ctx.next();
      }
    });
  }

  private Future<Asset> find(String file) {
    Asset known = assets.get(file);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return reader.apply(file).map(body -> {
      Asset asset = new Asset(body, etagOf(body), typeOf(file));
      assets.put(file, asset);
      return asset;
    });
  }

  private static void serve(RoutingContext ctx, Asset asset) {
    var response = ctx.response()
        .putHeader("ETag", asset.etag())
        .putHeader("Cache-Control", CACHE_CONTROL)
        .putHeader("X-Content-Type-Options", "nosniff");
    if (matches(ctx.request().getHeader("If-None-Match"), asset.etag())) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader("Content-Type", asset.contentType());
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.putHeader("Content-Length", String.valueOf(asset.body().length())).end();
    } else {
      response.end(asset.body());
    }
  }

  /** If-None-Match holds one or more entity tags, or "*"; weak ones (W/) match too (RFC 9110). */
  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static String etagOf(Buffer body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes());
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String typeOf(String file) {
    int dot = file.lastIndexOf('.');
    return TYPES.getOrDefault(dot < 0 ? "" : file.substring(dot + 1), "application/octet-stream");
  }
}

package dev.playfield.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.support.Http;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Static pages carry an ETag and revalidating cache headers, and answer 304 when unchanged. */
class WebAssetsTest {

  private Vertx vertx;
  private Http http;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    http = new Http(TestNode.start(vertx, c -> c).httpPort());
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void pagesHaveAContentEtagAndMustBeRevalidated() {
    HttpResponse<String> index = http.get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("<canvas");
    assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(index.headers().firstValue("Cache-Control")).hasValue("public, no-cache");
    String etag = index.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(http.get("/index.html").headers().firstValue("ETag")).hasValue(etag);

    HttpResponse<String> again = http.get("/", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(http.get("/", "If-None-Match", "\"other\", W/" + etag).statusCode()).isEqualTo(304);
    assertThat(http.get("/", "If-None-Match", "\"stale\"").statusCode()).isEqualTo(200);

    HttpResponse<String> script = http.get("/app.js");
    assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    assertThat(script.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);
  }

  @Test
  void theMonitorFolderRedirectsToItsIndexAndUnknownFilesAre404() {
    HttpResponse<String> bare = http.get("/admin");
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location")).hasValue("/admin/");
    assertThat(http.get("/admin/").body()).contains("Playfield monitor");
    assertThat(http.get("/no-such-file.js").statusCode()).isEqualTo(404);
    assertThat(http.get("/../pom.xml").statusCode()).isEqualTo(404);
    assertThat(http.get("/%2e%2e/%2e%2e/defaults/playfield.yaml").statusCode()).isEqualTo(404);
  }
}

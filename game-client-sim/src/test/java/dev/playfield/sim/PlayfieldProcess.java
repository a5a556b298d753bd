package dev.playfield.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Playfield node, started from the server's jar as a separate process on 127.0.0.1 with
 * short matches, the way a user would run it. The jar is the one the root build made.
 */
final class PlayfieldProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private PlayfieldProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static PlayfieldProcess start(Map<String, String> settings) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("playfield.jar", "../target/playfield.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build the server first (mvn -B verify in the root)");
    }
    int port = freePort();
    Path log = Files.createTempFile("playfield-", ".log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("PLAYFIELD_HTTP_HOST", "127.0.0.1");
    builder.environment().put("PLAYFIELD_HTTP_PORT", String.valueOf(port));
    // Every bot connects from 127.0.0.1: the per-address cap would refuse them.
    builder.environment().put("PLAYFIELD_GATEWAY_MAX_CONNECTIONS_PER_ADDRESS", "0");
    builder.environment().putAll(settings);
    PlayfieldProcess node = new PlayfieldProcess(builder.start(), port, log);
    node.awaitListening();
    return node;
  }

  String url() {
    return "ws://127.0.0.1:" + port + "/ws";
  }

  /** The node's HTTP address, such as {@code http://127.0.0.1:port}. */
  String httpBase() {
    return "http://127.0.0.1:" + port;
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  private void awaitListening() throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Playfield exited early:\n" + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
    close();
    throw new IllegalStateException("Playfield did not listen within 30 s:\n" + log());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * Stops the node and fails when its log shows an unhandled exception or an error: bots come and
   * go mid-match (churn, the end of a run), and the node must take that quietly (the capacity
   * benchmark once showed "WebSocket is closed" thrown here).
   */
  void closeAssertingACleanLog() throws IOException, InterruptedException {
    String text = log();
    close();
    org.assertj.core.api.Assertions.assertThat(text).doesNotContain("Unhandled exception").doesNotContain(" ERROR ");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}

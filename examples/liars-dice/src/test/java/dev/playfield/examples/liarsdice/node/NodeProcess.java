package dev.playfield.examples.liarsdice.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real Playfield node in a process of its own, on 127.0.0.1 and a free port, with this game's
 * jar in its games folder and a configuration file of the test's. Stopped (the process this
 * started, and nothing else) by {@link #close}.
 */
final class NodeProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final int port;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  private NodeProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code serverJar} with {@code gameJar} as its only plug-in; returns once it listens. */
  static NodeProcess start(Path serverJar, Path gameJar, String configYaml) throws IOException, InterruptedException {
    Path home = Files.createTempDirectory("liars-dice-node");
    Path games = Files.createDirectories(home.resolve("games"));
    Files.copy(gameJar, games.resolve(gameJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    Path config = Files.writeString(home.resolve("playfield.yaml"), configYaml);
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(javaBin(), "-Xmx256m", "-jar", serverJar.toString())
        .directory(home.toFile())
        .redirectErrorStream(true);
    builder.environment().put("PLAYFIELD_CONFIG", config.toString());
    builder.environment().put("PLAYFIELD_GAMES_DIR", games.toString());
    builder.environment().put("PLAYFIELD_HTTP_PORT", Integer.toString(port));
    builder.environment().put("PLAYFIELD_HTTP_HOST", "127.0.0.1");
    NodeProcess node = new NodeProcess(builder.start(), port);
    node.awaitListening();
    return node;
  }

  int port() {
    return port;
  }

  /** What the node has printed so far, for a failure message. */
  String log() {
    synchronized (log) {
      return String.join("\n", log);
    }
  }

  private void awaitListening() throws InterruptedException {
    CountDownLatch listening = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          log.add(line);
          if (line.contains("gateway listening")) {
            listening.countDown();
          }
        }
      } catch (IOException e) {
        log.add("(log closed: " + e.getMessage() + ")");
      }
    }, "node-log");
    reader.setDaemon(true);
    reader.start();
    if (!listening.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      close();
      throw new IllegalStateException("the node did not listen within " + START_TIMEOUT + ":\n" + log());
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}

package dev.playfield.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Playfield node as its own JVM, started from the packaged jar with the recommended JVM options
 * and environment variables, as an operator would start it. Its log is kept for the test to read
 * and to print when something fails.
 */
public final class ServerProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final long startedAtNanos = System.nanoTime();
  private final List<String> log = new CopyOnWriteArrayList<>();

  private ServerProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          log.add(line);
        }
      } catch (IOException e) {
        // The process went away.
      }
    }, "log-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  public static ServerProcess start(String name, Map<String, String> env) {
    return start(name, env, List.of());
  }

  /** Like {@link #start(String, Map)}, with JVM options after the usual ones. */
  public static ServerProcess start(String name, Map<String, String> env, List<String> extraJvmOptions) {
    Path jar = Path.of(System.getProperty("playfield.jar", "target/playfield.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " does not exist: package the server first");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ClassArchive.of(jar).ifPresent(archive -> command.add("-XX:SharedArchiveFile=" + archive));
    command.addAll(ClassArchive.NODE_OPTIONS);
    command.addAll(extraJvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // Test clients all connect from 127.0.0.1: the per-address connection cap would refuse them.
    builder.environment().put("PLAYFIELD_GATEWAY_MAX_CONNECTIONS_PER_ADDRESS", "0");
    // Players in memory unless the test names a database: no data/ folder left in the working directory.
    builder.environment().put("PLAYFIELD_DATABASE_IN_MEMORY", "true");
    builder.environment().putAll(env);
    try {
      return new ServerProcess(name, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until a log line contains {@code text}. */
  public void awaitLog(String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (log.stream().anyMatch(line -> line.contains(text))) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + String.join("\n", log));
      }
      sleep(100);
    }
    throw new AssertionError(name + " did not log '" + text + "' within " + timeout + ":\n" + String.join("\n", log));
  }

  public String name() {
    return name;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** When this process was started ({@link System#nanoTime()}). */
  public long startedAtNanos() {
    return startedAtNanos;
  }

  public boolean logged(String text) {
    return log.stream().anyMatch(line -> line.contains(text));
  }

  /**
   * Sends SIGTERM, as an orchestrator stopping the node would. Not {@link Process#destroy()}: that
   * also closes our end of the node's output, and we want to read what it says while draining.
   */
  public void terminate() {
    signal("TERM");
  }

  /** SIGKILL: the node dies on the spot, as in a crash or an OOM kill. */
  public void kill() {
    signal("KILL");
  }

  private void signal(String name) {
    try {
      new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the process to exit and returns its exit code. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(name + " still running after " + timeout + ":\n" + String.join("\n", log));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }

  public String logText() {
    return String.join("\n", log);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

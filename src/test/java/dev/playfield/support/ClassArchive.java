package dev.playfield.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The class-data archive test nodes start from, as the container image's do: made once per build of
 * the jar by {@code deploy/class-archive.sh}, with the JVM options the test processes use (an
 * archive made with another collector would not map). If it cannot be made, nodes start without
 * one, as they did before, and the reason is printed.
 */
public final class ClassArchive {

  /** The options every test node runs with; the archive is made with the same. */
  static final List<String> NODE_OPTIONS = List.of(
      "@config/jvm.options", "-Xmx256m", "-XX:+UseSerialGC", "-Dvertx.disableDnsResolver=true");

  private static Optional<Path> made;

  private ClassArchive() {}

  /** The archive for {@code jar}, made now if it is missing or older than the jar. */
  public static synchronized Optional<Path> of(Path jar) {
    if (made != null) {
      return made;
    }
    Path archive = jar.resolveSibling("playfield-tests.jsa");
    try {
      if (!Files.exists(archive) || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
        make(jar, archive);
      }
      made = Optional.of(archive);
    } catch (IOException | AssertionError e) {
      System.err.println("ClassArchive: nodes start without a class archive: " + e.getMessage());
      made = Optional.empty();
    }
    return made;
  }

  /** Runs the training script; fails with its output if it does not write the archive. */
  static void make(Path jar, Path archive) throws IOException {
    List<String> command = new ArrayList<>(List.of("sh", "deploy/class-archive.sh", jar.toString(), archive.toString()));
    command.addAll(NODE_OPTIONS);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("CLASS_ARCHIVE_PORT", String.valueOf(threeFreePorts()));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(archive)) {
        throw new AssertionError("deploy/class-archive.sh did not write " + archive + ":\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }

  /** A port p such that p, p + 1 and p + 2 are free now. */
  private static int threeFreePorts() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20_000 + (int) (Math.random() * 20_000);
      if (free(base) && free(base + 1) && free(base + 2)) {
        return base;
      }
    }
    throw new AssertionError("no three consecutive free ports found");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

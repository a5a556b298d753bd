package dev.playfield.support;

import dev.playfield.PlayfieldNode;
import dev.playfield.cluster.hazelcast.ClusterJoin;
import dev.playfield.cluster.hazelcast.HazelcastCluster;
import dev.playfield.config.PlayfieldConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Real clustered nodes in this JVM: each its own Vert.x and Hazelcast member on 127.0.0.1, in a
 * cluster with a random name so parallel runs never meet.
 */
public final class TestCluster implements AutoCloseable {

  /** One member: its node and how it leaves. */
  public record Member(PlayfieldNode node, ClusterJoin.Joined joined) {
    public Vertx vertx() {
      return joined.vertx();
    }
  }

  private static final Random RANDOM = new Random();
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private final String name = "playfield-test-" + UUID.randomUUID();
  private final List<Integer> ports = new ArrayList<>();
  private final List<Member> members = new ArrayList<>();

  public TestCluster(int size) {
    for (int i = 0; i < size; i++) {
      ports.add(freePort());
    }
  }

  /**
   * A port on 127.0.0.1 that is free now and was not handed out before in this JVM. It is picked
   * below the kernel's ephemeral range: a port the kernel chose for "port 0" is one it may give the
   * next outgoing connection (Hazelcast members connecting to each other) before a node binds it.
   */
  public static synchronized int freePort() {
    int low = 20_000;
    int high = ephemeralRangeStart();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = low + RANDOM.nextInt(high - low);
      if (!HANDED_OUT.contains(port) && bindable(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + low + " and " + high);
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private static int ephemeralRangeStart() {
    try {
      int start = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
      return start > 21_000 ? start : 32_768;
    } catch (IOException | RuntimeException notLinux) {
      return 32_768;
    }
  }

  /** Starts the next member; blocks until its node is ready. */
  public Member start(UnaryOperator<PlayfieldConfig> changes) {
    int index = members.size();
    JsonArray memberList = new JsonArray();
    ports.forEach(port -> memberList.add("127.0.0.1:" + port));
    Vertx scratch = Vertx.vertx();
    PlayfieldConfig config;
    try {
      config = changes.apply(TestNode.quickConfig(scratch)
          .with("cluster", true)
          .with("cluster-name", name)
          .with("cluster-host", "127.0.0.1")
          .with("cluster-port", ports.get(index))
          .with("cluster-members", memberList));
    } finally {
      scratch.close();
    }
    ClusterJoin.Joined joined = ClusterJoin.join(config.cluster(), new VertxOptions()).await();
    PlayfieldNode node = new PlayfieldNode(joined.vertx(), config, HazelcastCluster.services(
        joined.vertx(), joined.hazelcast(), joined.nodeId())).start().await();
    Member member = new Member(node, joined);
    members.add(member);
    return member;
  }

  public Member start() {
    return start(config -> config);
  }

  public List<Member> members() {
    return members;
  }

  /** Stops one member as SIGTERM would: drain, then leave the cluster. */
  public void stop(Member member) {
    member.node().drain().eventually(() -> member.joined().leave()).await();
    members.remove(member);
  }

  /**
   * Kills one member as a crash would: its Hazelcast member stops without a goodbye and its Vert.x
   * goes away, so its rooms stop ticking and its connections drop.
   */
  public void crash(Member member) {
    members.remove(member);
    member.joined().hazelcast().getLifecycleService().terminate();
    member.vertx().close();
  }

  @Override
  public void close() {
    for (Member member : List.copyOf(members)) {
      try {
        member.joined().leave().await();
      } catch (RuntimeException e) {
        // Already gone.
      }
    }
    members.clear();
  }
}

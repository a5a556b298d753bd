package dev.playfield.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files parse and say what they must: there is no Docker or Kubernetes here, so
 * this is the check that a typo or a drifted path does not ship.
 */
class DeploymentFilesTest {

  private static final Path ROOT = Path.of("").toAbsolutePath();

  @Test
  void composeRunsThreeClusteredNodesAndTheBots() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    Map<String, Object> services = map(compose.get("services"));
    assertThat(services).containsKeys("node1", "node2", "node3", "bots");
    for (String name : List.of("node1", "node2", "node3")) {
      Map<String, Object> env = map(map(services.get(name)).get("environment"));
      assertThat(env).containsEntry("PLAYFIELD_CLUSTER", "true")
          .containsEntry("PLAYFIELD_CLUSTER_MEMBERS", "node1:5701,node2:5701,node3:5701")
          .containsEntry("PLAYFIELD_CLUSTER_HOST", "0.0.0.0")
          .containsEntry("PLAYFIELD_PUBLIC_HOST", name)
          .containsKeys("PLAYFIELD_EVENTBUS_PORT", "PLAYFIELD_AUTH_TOKEN_SECRET")
          .containsEntry("PLAYFIELD_EVENTS_RABBITMQ_URL", "amqp://playfield:playfield@rabbitmq:5672");
      assertThat(String.valueOf(map(services.get(name)).get("depends_on"))).contains("postgres").contains("rabbitmq");
      assertThat(String.valueOf(map(map(services.get(name)).get("healthcheck")).get("test"))).contains("/health");
    }
    assertThat(String.valueOf(map(services.get("bots")).get("command")))
        .contains("ws://node1:8080/ws").contains("ws://node2:8080/ws").contains("ws://node3:8080/ws");
  }

  @Test
  void kubernetesProbesMatchTheEndpointsAndHazelcastFindsPeersThroughTheHeadlessService() throws IOException {
    Path dir = ROOT.resolve("deploy/kubernetes");
    List<Map<String, Object>> documents = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        new Yaml().loadAll(Files.readString(file)).forEach(doc -> documents.add(map(doc)));
      }
    }
    Map<String, Object> headless = byKindAndName(documents, "Service", "playfield-hazelcast");
    assertThat(map(headless.get("spec"))).containsEntry("clusterIP", "None");
    Map<String, Object> workload = byKindAndName(documents, "StatefulSet", "playfield");
    Map<String, Object> container = map(((List<?>) map(map(map(workload.get("spec")).get("template"))
        .get("spec")).get("containers")).get(0));
    assertThat(String.valueOf(container.get("readinessProbe"))).contains("path=/ready");
    assertThat(String.valueOf(container.get("livenessProbe"))).contains("path=/health");

    String hazelcastYaml = String.valueOf(map(byKindAndName(documents, "ConfigMap", "playfield-hazelcast")
        .get("data")).get("hazelcast.yaml"));
    Config config = Config.loadFromString(hazelcastYaml);
    assertThat(config.getNetworkConfig().getJoin().getKubernetesConfig().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isFalse();
    Config local = Config.loadFromFile(ROOT.resolve("config/hazelcast.yaml").toFile());
    assertThat(config.getMapConfigs().keySet()).as("maps as in config/hazelcast.yaml")
        .isEqualTo(local.getMapConfigs().keySet());
  }

  @Test
  void everyDockerfileCopiesPathsThatExist() throws IOException {
    for (Path dockerfile : List.of(ROOT.resolve("Dockerfile"), ROOT.resolve("game-client-sim/Dockerfile"))) {
      Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(Files.readString(dockerfile));
      int copies = 0;
      while (copy.find()) {
        copies++;
        assertThat(ROOT.resolve(copy.group(1))).as(dockerfile + ": COPY " + copy.group(1)).exists();
      }
      assertThat(copies).isPositive();
    }
    assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("EXPOSE 8080 5701 5801").contains("/health");
  }

  @Test
  void theRecommendedJvmOptionsAreAcceptedByThisJvmAndTheImageUsesThem() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "@" + ROOT.resolve("config/jvm.options"),
        "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output).containsPattern("CompilerThreadPriority\\s+= 10\\s+\\{product\\} \\{command line\\}")
        .containsPattern("ThreadPriorityPolicy\\s+= 1\\s+\\{product\\} \\{command line\\}");
    assertThat(Files.readString(ROOT.resolve("Dockerfile")))
        .contains("java -XX:SharedArchiveFile=/app/playfield.jsa @/app/config/jvm.options $JAVA_OPTS");
  }

  private static Map<String, Object> byKindAndName(List<Map<String, Object>> documents, String kind, String name) {
    return documents.stream()
        .filter(d -> kind.equals(d.get("kind")) && name.equals(map(d.get("metadata")).get("name")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}

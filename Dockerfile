# Build stage: compiles the server and installs its game API, then builds the example games
# against it (protoc comes from Maven Central during the build).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline || true
COPY src src
COPY config config
RUN mvn -B -q install -DskipTests
COPY examples examples
RUN mvn -B -q -f examples/liars-dice/pom.xml package -DskipTests \
    && mvn -B -q -f examples/high-low/pom.xml package -DskipTests

# Runtime stage: a JRE, the jar and the default configuration, run as a non-root user.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app playfield
WORKDIR /app
COPY --from=build /src/target/playfield.jar /app/playfield.jar
COPY config /app/config
# Game plug-ins: every jar in /app/games (games.dir is games/ in the working directory). The image
# ships the two examples; add your own with a volume or an image built FROM this one.
COPY --from=build /src/examples/liars-dice/target/liars-dice.jar /src/examples/high-low/target/high-low.jar /app/games/
# A standalone node without database.url keeps its players in an embedded database in /app/data:
# the one folder the node writes, so it is the user's and a volume keeps it across containers.
RUN mkdir -p /app/data && chown playfield /app/data
VOLUME /app/data
# Containers: size the heap from the container's memory limit, die fast on OOM so the
# orchestrator restarts the node, and keep Netty from opening a UDP socket for DNS.
# Start faster: a training run writes a class-data archive of everything a node loads as it
# starts; every node of this image then maps those classes instead of loading them again (half the
# CPU time of a start, which a node restarted into a busy cluster is waiting for).
COPY deploy/class-archive.sh /app/class-archive.sh
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Dvertx.disableDnsResolver=true"
RUN sh /app/class-archive.sh /app/playfield.jar /app/playfield.jsa @/app/config/jvm.options $JAVA_OPTS \
    && chmod 444 /app/playfield.jsa
USER playfield
# 8080: HTTP (browser client at /, game sessions at /ws, /metrics, /health, /ready, /admin/).
# 5701: Hazelcast membership; 5801: the clustered event bus (both only when clustered).
EXPOSE 8080 5701 5801
ENV PLAYFIELD_EVENTBUS_PORT=5801
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health || exit 1
# config/jvm.options: the recommended options (JIT compilers at a lower priority); JAVA_OPTS after
# them. A JAVA_OPTS that changes the heap past 32 GiB or the collector makes the JVM start without
# the archive (it says so); nothing else changes.
ENTRYPOINT ["sh", "-c", "exec java -XX:SharedArchiveFile=/app/playfield.jsa @/app/config/jvm.options $JAVA_OPTS -jar /app/playfield.jar"]

package dev.playfield.ops;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import dev.playfield.cluster.ClusterServices;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.CloseRoom;
import dev.playfield.protocol.internal.DrainNode;
import dev.playfield.protocol.internal.DrainStarted;
import dev.playfield.protocol.internal.NodeLoad;
import dev.playfield.protocol.internal.RoomClosed;
import dev.playfield.protocol.internal.RoomReports;
import dev.playfield.protocol.internal.RoomsQuery;
import dev.playfield.protocol.internal.SessionQuery;
import dev.playfield.protocol.internal.SessionReport;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API, JSON over HTTP under {@code /admin/api/}, cluster-wide: the node that gets the
 * request asks the others over the event bus. Every such request has a timeout; a node that does
 * not answer is listed under {@code failures} with a named reason instead of failing the whole
 * call. Bodies are proto3 JSON of the internal messages (64-bit numbers are strings).
 */
final class AdminApi {

  private static final Logger log = LoggerFactory.getLogger(AdminApi.class);
  private static final JsonFormat.Printer JSON = JsonFormat.printer().includingDefaultValueFields();
  static final long NODE_TIMEOUT_MS = 2_000;

  private final EventBus bus;
  private final ClusterServices cluster;
  private final DeliveryOptions timeout = new DeliveryOptions().setSendTimeout(NODE_TIMEOUT_MS);

  AdminApi(EventBus bus, ClusterServices cluster) {
    this.bus = bus;
    this.cluster = cluster;
  }

  void mount(Router router) {
    router.get("/admin/api/nodes").handler(this::nodes);
    router.post("/admin/api/nodes/:nodeId/drain").handler(this::drain);
    router.get("/admin/api/rooms").handler(this::rooms);
    router.post("/admin/api/rooms/:roomId/close").handler(this::closeRoom);
    router.get("/admin/api/players/:playerId").handler(this::player);
    router.route("/admin/api/*").handler(ctx -> send(ctx, 404, error("no such admin endpoint: "
        + ctx.request().method() + " " + ctx.normalizedPath())));
  }

  private void nodes(RoutingContext ctx) {
    cluster.nodes().all().onComplete(done -> {
      if (done.failed()) {
        send(ctx, 503, error("node directory unreachable: " + done.cause().getMessage()));
        return;
      }
      JsonArray nodes = new JsonArray();
      for (NodeLoad node : done.result()) {
        nodes.add(json(node).put("self", node.getNodeId().equals(cluster.nodeId())));
      }
      send(ctx, 200, new JsonObject().put("nodes", nodes));
    });
  }

  private void rooms(RoutingContext ctx) {
    askEveryNode(Addresses::adminRooms, RoomsQuery.getDefaultInstance()).onComplete(done -> {
      if (done.failed()) {
        send(ctx, 503, error("node directory unreachable: " + done.cause().getMessage()));
        return;
      }
      JsonArray rooms = new JsonArray();
      JsonArray failures = new JsonArray();
      for (NodeAnswer answer : done.result()) {
        if (answer.failure() != null) {
          failures.add(answer.failure());
          continue;
        }
        RoomReports reports = (RoomReports) answer.reply();
        reports.getRoomsList().forEach(room -> rooms.add(json(room).put("nodeId", reports.getNodeId())));
      }
      send(ctx, 200, new JsonObject().put("rooms", rooms).put("failures", failures));
    });
  }

  private void closeRoom(RoutingContext ctx) {
    String roomId = ctx.pathParam("roomId");
    askEveryNode(Addresses::adminRooms, CloseRoom.newBuilder().setRoomId(roomId).build()).onComplete(done -> {
      if (done.failed()) {
        send(ctx, 503, error("node directory unreachable: " + done.cause().getMessage()));
        return;
      }
      JsonArray failures = new JsonArray();
      for (NodeAnswer answer : done.result()) {
        if (answer.failure() != null) {
          failures.add(answer.failure());
        } else if (((RoomClosed) answer.reply()).getClosed()) {
          log.atInfo().addKeyValue("room", roomId).addKeyValue("host", answer.nodeId())
              .log("room closed through the admin API");
          send(ctx, 200, new JsonObject().put("closed", true).put("roomId", roomId).put("nodeId", answer.nodeId()));
          return;
        }
      }
      // Not found anywhere that answered; a node that did not answer may still hold it.
      send(ctx, failures.isEmpty() ? 404 : 503, error("no node that answered hosts room " + roomId)
          .put("failures", failures));
    });
  }

  private void player(RoutingContext ctx) {
    String playerId = ctx.pathParam("playerId");
    cluster.sessions().find(playerId).compose(gateway -> {
      if (gateway == null) {
        return Future.succeededFuture(SessionReport.newBuilder().setFound(false).setPlayerId(playerId).build());
      }
      String nodeId = Addresses.nodeOfGateway(gateway);
      return bus.<SessionReport>request(Addresses.adminSessions(nodeId),
              SessionQuery.newBuilder().setPlayerId(playerId).build(), timeout)
          .map(Message::body)
          .recover(cause -> Future.failedFuture(new NodeUnreachable(nodeId, cause)));
    }).onComplete(done -> {
      if (done.failed()) {
        send(ctx, 503, failureOf(done.cause()));
      } else if (!done.result().getFound()) {
        send(ctx, 404, error("player " + playerId + " has no session"));
      } else {
        send(ctx, 200, json(done.result()));
      }
    });
  }

  private void drain(RoutingContext ctx) {
    String nodeId = ctx.pathParam("nodeId");
    bus.<DrainStarted>request(Addresses.adminNode(nodeId), DrainNode.getDefaultInstance(), timeout)
        .onComplete(done -> {
          if (done.succeeded()) {
            log.atInfo().addKeyValue("target", nodeId).log("drain requested through the admin API");
            send(ctx, 202, json(done.result().body()).put("draining", true));
          } else {
            JsonObject failure = RemoteFailure.describe(nodeId, done.cause());
            send(ctx, RemoteFailure.NO_HANDLER.equals(failure.getString("error")) ? 404 : 503, failure);
          }
        });
  }

  /** One node's answer: the reply, or a named failure. */
  private record NodeAnswer(String nodeId, Object reply, JsonObject failure) {}

  private Future<List<NodeAnswer>> askEveryNode(java.util.function.Function<String, String> address, Object query) {
    return cluster.nodes().all().compose(nodes -> {
      List<Future<NodeAnswer>> answers = nodes.stream().map(node -> {
        String nodeId = node.getNodeId();
        return bus.request(address.apply(nodeId), query, timeout)
            .map(reply -> new NodeAnswer(nodeId, reply.body(), null))
            .otherwise(cause -> new NodeAnswer(nodeId, null, RemoteFailure.describe(nodeId, cause)));
      }).toList();
      return Future.all(answers).map(all -> answers.stream().map(Future::result).toList());
    });
  }

  private static JsonObject failureOf(Throwable cause) {
    if (cause instanceof NodeUnreachable unreachable) {
      return RemoteFailure.describe(unreachable.nodeId, unreachable.getCause());
    }
    return error("session directory unreachable: " + cause.getMessage());
  }

  private static final class NodeUnreachable extends RuntimeException {
    final String nodeId;

    NodeUnreachable(String nodeId, Throwable cause) {
      super(cause.getMessage(), cause, false, false);
      this.nodeId = nodeId;
    }
  }

  private static JsonObject json(MessageOrBuilder message) {
    try {
      return new JsonObject(JSON.print(message));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("internal messages always print", e);
    }
  }

  static JsonObject error(String message) {
    return new JsonObject().put("error", message);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}

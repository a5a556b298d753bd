package dev.playfield.room;

import dev.playfield.node.LocalLoad;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The rooms this node hosts, and their life here: opened (inbox registered, ticking, counted),
 * then closed for good, or released to another node. Runs on the host's event loop.
 */
final class HostedRooms {

  /** Messages held per room during a hand-over, at most (see {@link HostedRoom#held}). */
  static final int MAX_HELD = 4_096;

  private final Map<String, HostedRoom> rooms = new LinkedHashMap<>();
  private final EventBus bus;
  private final RoomTicker ticker;
  private final LocalLoad load;
  private final PlayfieldMetrics metrics;
  private BiConsumer<HostedRoom, Message<Object>> inbox;
  private Replication replication;

  HostedRooms(EventBus bus, RoomTicker ticker, LocalLoad load, PlayfieldMetrics metrics) {
    this.bus = bus;
    this.ticker = ticker;
    this.load = load;
    this.metrics = metrics;
  }

  /**
   * Set once while wiring, before the first room opens (both need the rooms, hence not in the
   * constructor): what handles a room's messages, and where closed rooms' records are forgotten.
   */
  void wire(BiConsumer<HostedRoom, Message<Object>> inbox, Replication replication) {
    this.inbox = inbox;
    this.replication = replication;
  }

  HostedRoom get(String roomId) {
    return rooms.get(roomId);
  }

  boolean hosts(String roomId) {
    return rooms.containsKey(roomId);
  }

  int size() {
    return rooms.size();
  }

  Collection<HostedRoom> all() {
    return rooms.values();
  }

  /** A copy, for walks that may close rooms as they go. */
  List<HostedRoom> snapshot() {
    return List.copyOf(rooms.values());
  }

  /** Hosts the room here from now on; {@code replicated} is its record as claimed, or null for a new room. */
  HostedRoom open(Room room, long seed, byte[] replicated) {
    HostedRoom hosted = new HostedRoom(room, seed);
    hosted.replicated = replicated;
    listen(hosted);
    rooms.put(room.id(), hosted);
    load.roomOpened();
    metrics.roomState(null, PlayfieldMetrics.state(room.phase()));
    ticker.start(hosted);
    return hosted;
  }

  /** Registers the room's inbox at its address (again, after a hand-over that did not happen). */
  Future<Void> listen(HostedRoom hosted) {
    hosted.inbox = bus.consumer(Addresses.room(hosted.id()), message -> receive(hosted, message));
    return hosted.inbox.completion();
  }

  private void receive(HostedRoom hosted, Message<Object> message) {
    if (!hosted.handingOver) {
      inbox.accept(hosted, message);
    } else if (hosted.held.size() < MAX_HELD) {
      hosted.held.add(message);
    } else if (message.replyAddress() != null) {
      message.fail(dev.playfield.protocol.v1.ErrorCode.UNAVAILABLE_VALUE, "the room is moving to another node");
    }
  }

  /** Applies here what was held during a hand-over that did not happen, in arrival order. */
  void applyHeld(HostedRoom hosted) {
    List<Message<Object>> held = List.copyOf(hosted.held);
    hosted.held.clear();
    held.forEach(message -> inbox.accept(hosted, message));
  }

  /**
   * Passes what was held during a hand-over on to the room's new host, in arrival order, once this
   * node no longer listens at the address. A request's answer goes back to its sender; when the
   * new host cannot be reached the request is left unanswered, so its sender's timeout retries
   * it (a failure reply would read as a final refusal).
   */
  void passHeldOn(HostedRoom hosted) {
    List<Message<Object>> held = List.copyOf(hosted.held);
    hosted.held.clear();
    String address = Addresses.room(hosted.id());
    for (Message<Object> message : held) {
      if (message.replyAddress() == null) {
        bus.send(address, message.body());
        continue;
      }
      bus.request(address, message.body()).onComplete(answer -> {
        if (answer.succeeded()) {
          message.reply(answer.result().body());
        } else if (answer.cause() instanceof io.vertx.core.eventbus.ReplyException refused
            && refused.failureType() == io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE) {
          message.fail(refused.failureCode(), refused.getMessage());
        }
      });
    }
  }

  /** Stops the room here; {@code forget} also removes its replicated record (it will not resume). */
  void close(HostedRoom hosted, boolean forget) {
    stopHere(hosted);
    if (forget) {
      replication.forget(hosted);
    }
  }

  /** The room now runs on another node: stop it here and leave its record to the new owner. */
  void released(HostedRoom hosted) {
    stopHere(hosted).onComplete(unlistened -> passHeldOn(hosted));
  }

  /** Completes once this node no longer listens at the room's address. */
  private Future<Void> stopHere(HostedRoom hosted) {
    String state = PlayfieldMetrics.state(hosted.room.phase());
    hosted.room.dispose();
    ticker.stop(hosted);
    Future<Void> unlistened = hosted.inbox != null && hosted.inbox.isRegistered()
        ? hosted.inbox.unregister() : Future.succeededFuture();
    if (rooms.remove(hosted.id()) != null) {
      load.roomClosed();
      metrics.roomState(state, null);
    }
    return unlistened;
  }
}

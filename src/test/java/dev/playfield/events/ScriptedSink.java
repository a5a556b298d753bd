package dev.playfield.events;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A sink that keeps what it is given and refuses the events it is told to refuse, once each. */
final class ScriptedSink implements EventSink {

  private final String name;
  private final List<OutboxEvent> received = new ArrayList<>();
  private final Set<String> refuseOnce = new HashSet<>();
  int calls;

  ScriptedSink(String name) {
    this.name = name;
  }

  /** The next attempt to deliver this event fails (and stops the call there). */
  void refuseOnce(OutboxEvent event) {
    refuseOnce.add(event.id());
  }

  List<OutboxEvent> received() {
    return List.copyOf(received);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Future<Delivery> deliver(List<OutboxEvent> events) {
    calls++;
    for (int i = 0; i < events.size(); i++) {
      if (refuseOnce.remove(events.get(i).id())) {
        return Future.succeededFuture(Delivery.stoppedAt(i, new IllegalStateException("refused by the script")));
      }
      received.add(events.get(i));
    }
    return Future.succeededFuture(Delivery.all(events));
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}

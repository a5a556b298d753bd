package dev.playfield.matchmaking;

import dev.playfield.config.ModeConfig;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.CancelTicket;
import dev.playfield.protocol.internal.CreateRoom;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.TicketRequest;
import dev.playfield.protocol.v1.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-bus face of the {@link Matchmaker}: takes tickets and cancellations from gateways,
 * scans the queues on a timer, and asks the room host to open a room for each match formed.
 */
public final class MatchmakerVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(MatchmakerVerticle.class);
  private static final DeliveryOptions CREATE_ROOM = new DeliveryOptions().setSendTimeout(5_000);

  private final Map<String, ModeConfig> modes;
  private final int intervalMs;
  private final Clock clock;
  private Matchmaker matchmaker;
  private long timerId;

  public MatchmakerVerticle(Map<String, ModeConfig> modes, int intervalMs, Clock clock) {
    this.modes = modes;
    this.intervalMs = intervalMs;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    Map<String, QueueRules> rules = new LinkedHashMap<>();
    modes.forEach((name, mode) -> rules.put(name, mode.queue()));
    matchmaker = new Matchmaker(rules, clock);
    timerId = vertx.setPeriodic(intervalMs, id -> formMatches());
    return vertx.eventBus().consumer(Addresses.MATCHMAKER, this::onRequest).completion();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timerId);
    return Future.succeededFuture();
  }

  private void onRequest(Message<Object> request) {
    if (request.body() instanceof TicketRequest ticket) {
      onTicket(request, ticket);
    } else if (request.body() instanceof CancelTicket cancel) {
      onCancel(request, cancel);
    } else {
      request.fail(ErrorCode.UNKNOWN_MESSAGE_VALUE, "the matchmaker takes TicketRequest and CancelTicket");
    }
  }

  private void onTicket(Message<Object> request, TicketRequest ticket) {
    Seat seat = ticket.getSeat();
    switch (matchmaker.join(ticket.getMode(), seat.getPlayerId(), seat.getRating(), seat)) {
      case QUEUED -> request.reply(null);
      case UNKNOWN_MODE -> request.fail(ErrorCode.UNKNOWN_MODE_VALUE,
          "no mode '" + ticket.getMode() + "'; modes: " + String.join(", ", matchmaker.modes()));
      case ALREADY_QUEUED -> request.fail(ErrorCode.ALREADY_QUEUED_VALUE, "already waiting in a queue");
      case QUEUE_FULL -> request.fail(ErrorCode.UNAVAILABLE_VALUE, "the queue is full; try again later");
    }
  }

  private void onCancel(Message<Object> request, CancelTicket cancel) {
    if (matchmaker.leave(cancel.getPlayerId()).isPresent()) {
      request.reply(null);
    } else {
      request.fail(ErrorCode.INVALID_STATE_VALUE, "not waiting in a queue (a match may just have been found)");
    }
  }

  private void formMatches() {
    for (Matchmaker.FormedMatch match : matchmaker.process()) {
      CreateRoom.Builder create = CreateRoom.newBuilder()
          .setMode(match.mode())
          .setSeed(ThreadLocalRandom.current().nextLong());
      match.tickets().forEach(ticket -> create.addSeats((Seat) ticket.payload()));
      CreateRoom request = create.build();
      vertx.eventBus().request(Addresses.ROOM_HOST, request, CREATE_ROOM).onFailure(cause -> {
        // No room could be opened: put the players back at the head of nothing but the queue itself,
        // so they are matched again on the next scan rather than stranded.
        log.warn("could not open a room for {} players of {}: {}", request.getSeatsCount(), match.mode(), cause.getMessage());
        request.getSeatsList().forEach(seat -> matchmaker.join(match.mode(), seat.getPlayerId(), seat.getRating(), seat));
      });
    }
  }
}

package dev.playfield.room;

import dev.playfield.cluster.FinishedMatches;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.v1.MatchEnd;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends matches: stops the room's ticks, works out the result, keeps it in {@link FinishedMatches}
 * for the grace window, then sends it to the gateways of every player (the gateway decides who
 * still wants it) and closes the room. The store comes first so that a player who resumes after the
 * room is gone (their gateway died as the match ended) still finds the end. Host event loop only.
 */
final class MatchFinisher {

  private static final Logger log = LoggerFactory.getLogger(MatchFinisher.class);

  /** How the end is ranked. */
  enum Outcome {
    /** Played to its end (or every player left): ratings move. */
    PLAYED,
    /** Cut short (an operator, a drain with nobody left to play): ratings stay as they were. */
    CUT_SHORT
  }

  private final MatchResults results;
  private final FinishedMatches finished;
  private final long keepMillis;
  private final RoomTicker ticker;
  private final HostedRooms rooms;
  private final BiConsumer<String, GatewayFrame> toGateway;
  private final PlayfieldMetrics metrics;

  MatchFinisher(MatchResults results, FinishedMatches finished, long keepMillis, RoomTicker ticker,
      HostedRooms rooms, BiConsumer<String, GatewayFrame> toGateway, PlayfieldMetrics metrics) {
    this.results = results;
    this.finished = finished;
    this.keepMillis = keepMillis;
    this.ticker = ticker;
    this.rooms = rooms;
    this.toGateway = toGateway;
    this.metrics = metrics;
  }

  /** Ends the match once; later calls get the same end. {@code why} is for the log. */
  Future<MatchEnd> finish(HostedRoom hosted, Outcome outcome, String why) {
    if (hosted.ending != null) {
      return hosted.ending;
    }
    Room room = hosted.room;
    ticker.stop(hosted);
    String before = PlayfieldMetrics.state(room.phase());
    room.end();
    metrics.roomState(before, PlayfieldMetrics.state(room.phase()));
    List<String> gateways = room.seatTable().everyGateway();
    Future<MatchEnd> result = outcome == Outcome.PLAYED
        ? results.record(room).recover(cause -> {
          // Better an end with the ratings unchanged than players left without one.
          log.error("room {}: recording the result failed; ending it with ratings unchanged", room.id(), cause);
          return Future.succeededFuture(MatchResults.cutShort(room));
        })
        : Future.succeededFuture(MatchResults.cutShort(room));
    hosted.ending = result.compose(end -> finished.put(end, keepMillis).transform(kept -> {
      if (kept.failed()) {
        log.warn("room {}: could not keep the match end for resuming players: {}", room.id(),
            kept.cause().getMessage());
      }
      return Future.succeededFuture(end);
    })).andThen(done -> {
      if (done.succeeded()) {
        GatewayFrame frame = GatewayFrame.newBuilder().setRoomId(room.id()).setMatchEnd(done.result()).build();
        gateways.forEach(gateway -> toGateway.accept(gateway, frame));
      }
      log.info("room {} finished at tick {} ({}): tick mean={}ms max={}ms overruns={} late max={}ms", room.id(),
          room.tick(), why, String.format("%.3f", hosted.stats.meanMillis()),
          String.format("%.3f", hosted.stats.maxMillis()), hosted.schedule == null ? 0 : hosted.schedule.overruns(),
          String.format("%.1f", hosted.schedule == null ? 0 : hosted.schedule.maxLatenessNanos() / 1e6));
      rooms.close(hosted, true);
    });
    return hosted.ending;
  }
}

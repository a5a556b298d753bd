package dev.playfield.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.internal.RoomInput;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class EventBusCodecsTest {

  @Test
  void registeringTwiceOnOneVertxIsHarmlessAndMessagesArriveByReference(Vertx vertx, VertxTestContext testContext) {
    EventBusCodecs.register(vertx.eventBus());
    EventBusCodecs.register(vertx.eventBus()); // a second node on the same Vert.x instance

    RoomInput sent = RoomInput.newBuilder().setPlayerId("player-42").setSeq(1).build();
    vertx.eventBus().<RoomInput>consumer(Addresses.room("r1"), message -> testContext.verify(() -> {
      assertThat(message.body()).isSameAs(sent);
      testContext.completeNow();
    })).completion().onSuccess(registered -> vertx.eventBus().send(Addresses.room("r1"), sent));
  }
}

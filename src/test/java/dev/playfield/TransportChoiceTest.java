package dev.playfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.transport.Transport;
import org.junit.jupiter.api.Test;

class TransportChoiceTest {

  @Test
  void nioIsAlwaysThereWhenAskedFor() {
    assertThat(Playfield.chooseTransport("nio")).isSameAs(Transport.NIO);
  }

  @Test
  void autoPicksATransportThatLoads() {
    Transport chosen = Playfield.chooseTransport("auto");
    assertThat(chosen == Transport.NIO || chosen.available()).isTrue();
  }

  @Test
  void anUnknownNameStopsTheNodeWithTheVariableName() {
    assertThatThrownBy(() -> Playfield.chooseTransport("carrier-pigeon"))
        .hasMessageContaining("PLAYFIELD_TRANSPORT");
  }
}

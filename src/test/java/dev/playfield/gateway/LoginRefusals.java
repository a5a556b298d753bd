package dev.playfield.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.Error;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.TestClient;
import java.time.Duration;

/** Login requests a test expects refused. */
final class LoginRefusals {

  private LoginRefusals() {}

  /** Sends {@code login} and answers the error its reply carried; fails the test on a LoginOk. */
  static Error refusal(TestClient client, Login.Builder login) {
    int requestId = client.send(ClientMessage.newBuilder().setLogin(login));
    ServerMessage reply = client.await(m -> m.getRequestId() == requestId, Duration.ofSeconds(10));
    assertThat(reply.hasError()).as("refused, got %s", reply).isTrue();
    return reply.getError();
  }

  /** A username and password login. */
  static Login.Builder account(String username, String password) {
    return Login.newBuilder().setUsername(username).setPassword(password);
  }
}

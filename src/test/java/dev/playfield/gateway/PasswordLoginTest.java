package dev.playfield.gateway;

import static dev.playfield.gateway.LoginRefusals.account;
import static dev.playfield.gateway.LoginRefusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.PlayfieldNode;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.Error;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.GetRecentMatches;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registering and logging in with a username and password, on a real node over real WebSockets. */
@ExtendWith(VertxExtension.class)
class PasswordLoginTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PASSWORD = "correct horse battery";

  private Vertx vertx;
  private PlayfieldNode node;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    // Fewer iterations than production: the tests check the logins, not the cost of a hash.
    node = TestNode.start(vertx, c -> c.with("auth.password-iterations", 10_000));
  }

  private TestClient client() {
    return TestClient.connect(vertx, node.httpPort(), false);
  }

  @Test
  void aRegisteredAccountLogsInAgainAsTheSamePlayerWithAWorkingSessionToken() {
    LoginOk registered;
    try (TestClient ann = client()) {
      registered = ann.login(account("Ann.Smith", PASSWORD).setCreateAccount(true));
    }
    assertThat(registered.getName()).isEqualTo("Ann.Smith");

    try (TestClient again = client()) {
      // Usernames are case-insensitive.
      LoginOk login = again.login(account("ann.smith", PASSWORD));
      assertThat(login.getPlayerId()).isEqualTo(registered.getPlayerId());
      assertThat(login.getName()).isEqualTo("Ann.Smith");
      assertThat(login.getToken()).isNotEmpty();
    }
    try (TestClient byToken = client()) {
      // The session token of a password login works like a guest's.
      assertThat(byToken.login(Login.newBuilder().setToken(registered.getToken())).getPlayerId())
          .isEqualTo(registered.getPlayerId());
    }
  }

  @Test
  void aWrongPasswordAndAnUnknownUsernameGetTheSameAnswer() {
    try (TestClient ann = client()) {
      ann.login(account("ann", PASSWORD).setCreateAccount(true));
    }
    try (TestClient mallory = client()) {
      Error wrong = refusal(mallory, account("ann", "not the password"));
      Error unknown = refusal(mallory, account("nobody-here", PASSWORD));

      assertThat(wrong.getCode()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
      assertThat(unknown).isEqualTo(wrong);
      // After refusals the connection may still log in; a stale token beside the password is not read.
      assertThat(mallory.login(account("ann", PASSWORD).setToken("stale.or.forged")).getName()).isEqualTo("ann");
    }
  }

  @Test
  void aTakenUsernameAndBadFieldsAreRefusedWithTheirCodes() {
    try (TestClient ann = client()) {
      ann.login(account("ann", PASSWORD).setCreateAccount(true));
      try (TestClient other = client()) {
        assertThat(refusal(other, account("ANN", "another password").setCreateAccount(true)).getCode())
            .isEqualTo(ErrorCode.ACCOUNT_TAKEN);
        assertThat(refusal(other, account("a", PASSWORD).setCreateAccount(true)).getCode())
            .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(refusal(other, account("bob", "short").setCreateAccount(true)).getCode())
            .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(refusal(other, account("bob", PASSWORD).setIdToken("x.y.z")).getCode())
            .isEqualTo(ErrorCode.INVALID_ARGUMENT);
      }
    }
  }

  @Test
  void aGuestThatPlayedKeepsItsRatingAndHistoryWhenItRegisters() {
    LoginOk guest;
    int ratingAfterMatch;
    try (TestClient ann = client(); TestClient bob = client()) {
      guest = ann.login("ann");
      bob.login("bob");
      ann.joinQueue("arena");
      bob.joinQueue("arena");
      MatchEnd end = ann.await(ServerMessage::hasMatchEnd, WAIT).getMatchEnd();
      ratingAfterMatch = end.getStandingsList().stream()
          .filter(s -> s.getPlayerId().equals(guest.getPlayerId())).findFirst().orElseThrow().getRatingAfter();
    }

    try (TestClient linking = client()) {
      LoginOk linked = linking.login(account("ann", PASSWORD).setCreateAccount(true).setToken(guest.getToken()));
      assertThat(linked.getPlayerId()).isEqualTo(guest.getPlayerId());
      assertThat(linked.getName()).isEqualTo("ann");
    }
    try (TestClient elsewhere = client()) {
      LoginOk login = elsewhere.login(account("ann", PASSWORD));
      assertThat(login.getPlayerId()).isEqualTo(guest.getPlayerId());
      assertThat(login.getRating()).isEqualTo(ratingAfterMatch);
      elsewhere.send(ClientMessage.newBuilder().setGetRecentMatches(GetRecentMatches.newBuilder()));
      assertThat(elsewhere.await(ServerMessage::hasRecentMatches, WAIT).getRecentMatches().getMatchesList())
          .singleElement().satisfies(played -> assertThat(played.getRatingAfter()).isEqualTo(ratingAfterMatch));
    }
    try (TestClient again = client()) {
      // The guest, now with a username, cannot take a second one.
      assertThat(refusal(again, account("ann-two", PASSWORD).setCreateAccount(true).setToken(guest.getToken()))
          .getCode()).isEqualTo(ErrorCode.ACCOUNT_TAKEN);
    }
  }

  @Test
  void anOldGuestLoginIsAnsweredAsBefore() {
    try (TestClient guest = client()) {
      LoginOk first = guest.login("someone");
      assertThat(first.getName()).isEqualTo("someone");
      try (TestClient back = client()) {
        LoginOk again = back.login(Login.newBuilder().setToken(first.getToken()));
        assertThat(again.getPlayerId()).isEqualTo(first.getPlayerId());
        assertThat(again.getName()).isEqualTo("someone");
      }
    }
  }
}

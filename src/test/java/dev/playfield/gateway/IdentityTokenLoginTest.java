package dev.playfield.gateway;

import static dev.playfield.gateway.LoginRefusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.PlayfieldNode;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Logins with identity tokens from an OpenID Connect provider: a real JWKS server and tokens this
 * test signs, against a real node over real WebSockets.
 */
@ExtendWith(VertxExtension.class)
class IdentityTokenLoginTest {


  private Vertx vertx;
  private LocalIdentityProvider provider;
  private PlayfieldNode node;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    provider = LocalIdentityProvider.start(vertx);
    // The issuer last: each change is checked, and an issuer needs the other two.
    node = TestNode.start(vertx, c -> c
        .with("auth.oidc.audience", LocalIdentityProvider.AUDIENCE)
        .with("auth.oidc.jwks-url", provider.jwksUrl())
        .with("auth.oidc.issuer", LocalIdentityProvider.ISSUER));
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  private TestClient client() {
    return TestClient.connect(vertx, node.httpPort(), false);
  }

  private static Login.Builder withToken(String idToken) {
    return Login.newBuilder().setIdToken(idToken);
  }

  private static ErrorCode code(TestClient client, Login.Builder login) {
    return refusal(client, login).getCode();
  }

  @Test
  void anIdentityLogsInAsOnePlayerEveryTime() {
    LoginOk first;
    try (TestClient cy = client()) {
      first = cy.login(withToken(provider.token("subject-cy", "Cy Young")));
    }
    assertThat(first.getName()).isEqualTo("Cy Young");
    assertThat(first.getToken()).isNotEmpty();
    try (TestClient again = client()) {
      LoginOk second = again.login(withToken(provider.token("subject-cy", "")));
      assertThat(second.getPlayerId()).isEqualTo(first.getPlayerId());
      assertThat(second.getName()).isEqualTo("Cy Young");
    }
    try (TestClient someoneElse = client()) {
      assertThat(someoneElse.login(withToken(provider.token("subject-dee", "Dee"))).getPlayerId())
          .isNotEqualTo(first.getPlayerId());
    }
    // Keys are fetched once and kept while tokens verify.
    assertThat(provider.jwksRequests()).isEqualTo(1);
  }

  @Test
  void expiredForeignWrongAudienceAndForgedTokensAreRefused() {
    try (TestClient mallory = client()) {
      assertThat(code(mallory, withToken(provider.expiredToken("subject-1")))).isEqualTo(ErrorCode.TOKEN_EXPIRED);
      assertThat(code(mallory, withToken(provider.tokenFrom("https://elsewhere.example", "subject-1"))))
          .isEqualTo(ErrorCode.INVALID_TOKEN);
      assertThat(code(mallory, withToken(provider.tokenFor("another-game", "subject-1"))))
          .isEqualTo(ErrorCode.INVALID_TOKEN);
      assertThat(code(mallory, withToken(provider.forgedToken("subject-1")))).isEqualTo(ErrorCode.INVALID_TOKEN);
      assertThat(code(mallory, withToken("not-a-jwt"))).isEqualTo(ErrorCode.INVALID_TOKEN);
      // A valid one still logs in on the same connection.
      assertThat(mallory.login(withToken(provider.token("subject-1", "One"))).getName()).isEqualTo("One");
    }
  }

  @Test
  void aGuestLinkingItsIdentityKeepsItsPlayerAndAnotherGuestCannotTakeIt() {
    LoginOk guest;
    try (TestClient ann = client()) {
      guest = ann.login("ann");
    }
    try (TestClient linking = client()) {
      LoginOk linked = linking.login(withToken(provider.token("subject-ann", "Ann")).setToken(guest.getToken()));
      assertThat(linked.getPlayerId()).isEqualTo(guest.getPlayerId());
      assertThat(linked.getName()).isEqualTo("ann");
    }
    try (TestClient later = client()) {
      assertThat(later.login(withToken(provider.token("subject-ann", ""))).getPlayerId())
          .isEqualTo(guest.getPlayerId());
    }
    try (TestClient other = client()) {
      LoginOk otherGuest = other.login("other");
      try (TestClient thief = client()) {
        assertThat(code(thief, withToken(provider.token("subject-ann", "")).setToken(otherGuest.getToken())))
            .isEqualTo(ErrorCode.ACCOUNT_TAKEN);
      }
    }
  }

  @Test
  void aNodeWithoutAProviderRefusesIdentityTokens() {
    PlayfieldNode plain = TestNode.start(vertx, c -> c);
    try (TestClient client = TestClient.connect(vertx, plain.httpPort(), false)) {
      assertThat(code(client, withToken(provider.token("subject-1", "")))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(provider.jwksRequests()).isZero();
    }
  }
}

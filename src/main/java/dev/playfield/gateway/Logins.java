package dev.playfield.gateway;

import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.KickSession;
import dev.playfield.protocol.internal.ResumeEntry;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.ErrorCode;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who a connection speaks for: guest logins, logins with a token, and taking a dropped session
 * back with a one-time resume token. Also makes sure a player has one session in the cluster.
 * Stateless; safe from any thread.
 */
final class Logins {

  /** A refused login or resume, with the error code to answer. */
  static final class Refused extends RuntimeException {
    final ErrorCode code;

    Refused(ErrorCode code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  /** A login as answered, with the id of its resume token (the key of the token's cluster entry). */
  record Issued(LoginOk login, String resumeTokenId) {}

  /** A resumed session: who, and the room the player sat in (empty if none). */
  record Resumption(Issued issued, String roomId) {}

  private final GatewayServices services;

  Logins(GatewayServices services) {
    this.services = services;
  }

  /** A guest login, or a login with the token of an earlier one. */
  Future<Issued> login(Login login) {
    Future<TokenService.Claims> identity = login.getToken().isEmpty()
        ? Future.succeededFuture(new TokenService.Claims(newPlayerId(), ""))
        : services.tokens().verify(login.getToken()).recover(Logins::refusedToken).compose(claims ->
            claims.tokenId().isEmpty() ? Future.succeededFuture(claims)
                : Future.failedFuture(new Refused(ErrorCode.INVALID_TOKEN, "that is a resume token: send it in Resume")));
    return identity.compose(claims -> {
      String chosen = !login.getName().isBlank() ? login.getName().strip()
          : !claims.name().isEmpty() ? claims.name() : guestName(claims.playerId());
      return issue(claims.playerId(), chosen, "");
    });
  }

  /** Takes a session back; fails with {@link Refused} for a forged, unknown, used or expired token. */
  Future<Resumption> resume(String resumeToken) {
    return services.tokens().verify(resumeToken)
        .recover(cause -> Future.failedFuture(new Refused(ErrorCode.RESUME_REJECTED, "not a resume token of this server")))
        .compose(claims -> claims.tokenId().isEmpty()
            ? Future.failedFuture(new Refused(ErrorCode.RESUME_REJECTED, "that is a login token: send it in Login"))
            : services.resumes().consume(claims.tokenId()))
        .compose(entry -> {
          if (entry == null) {
            return Future.failedFuture(new Refused(ErrorCode.RESUME_REJECTED,
                "resume token unknown or already used; log in instead"));
          }
          long away = entry.getDisconnectedAtMs() == 0 ? 0 : System.currentTimeMillis() - entry.getDisconnectedAtMs();
          if (away > services.reconnectGraceMs()) {
            return Future.failedFuture(new Refused(ErrorCode.RESUME_EXPIRED,
                "the grace window of " + services.reconnectGraceMs() / 1000 + " s has passed; log in instead"));
          }
          return issue(entry.getPlayerId(), entry.getName(), entry.getRoomId())
              .map(issued -> new Resumption(issued, entry.getRoomId()));
        });
  }

  /** Records where the player is now (a room, or none), under the session's current resume token. */
  Future<Void> remember(Issued issued, String roomId, long disconnectedAtMs) {
    LoginOk login = issued.login();
    ResumeEntry entry = ResumeEntry.newBuilder().setPlayerId(login.getPlayerId()).setName(login.getName())
        .setRoomId(roomId).setDisconnectedAtMs(disconnectedAtMs).build();
    // Kept a while past the grace window, so a late resume is told "expired" rather than "unknown".
    long ttl = disconnectedAtMs == 0 ? services.tokenTtlMs() : services.reconnectGraceMs() + 600_000;
    return services.resumes().put(issued.resumeTokenId(), entry, ttl);
  }

  /**
   * Makes {@code session} the player's only session: a session of the same player on this node is
   * closed now, one on another node is told to close. Completes when the cluster knows.
   */
  Future<Void> claim(String playerId, Session session) {
    Session replaced = services.registry().bind(playerId, session);
    if (replaced != null) {
      replaced.execute(replaced::replaced);
    }
    return services.directory().claim(playerId, services.address()).map(previous -> {
      if (previous != null && !previous.equals(services.address())) {
        services.bus().send(previous, GatewayFrame.newBuilder().setKick(KickSession.newBuilder()
            .setPlayerId(playerId).setNewGateway(services.address())).build());
      }
      return null;
    });
  }

  private Future<Issued> issue(String playerId, String name, String roomId) {
    TokenService.ResumeToken resume = services.tokens().issueResume(playerId, name);
    return services.ratings().rating(playerId).compose(rating -> {
      LoginOk ok = LoginOk.newBuilder().setPlayerId(playerId).setName(name).setRating(rating)
          .setToken(services.tokens().issue(playerId, name)).setResumeToken(resume.token()).build();
      Issued issued = new Issued(ok, resume.tokenId());
      return remember(issued, roomId, 0).map(issued);
    });
  }

  private static <T> Future<T> refusedToken(Throwable cause) {
    boolean expired = cause instanceof TokenService.TokenRejected rejected && rejected.expired();
    return Future.failedFuture(new Refused(expired ? ErrorCode.TOKEN_EXPIRED : ErrorCode.INVALID_TOKEN, cause.getMessage()));
  }

  private static String guestName(String playerId) {
    String tail = playerId.substring(Math.max(0, playerId.length() - 4));
    return "Guest-" + tail.toUpperCase(Locale.ROOT);
  }

  private static String newPlayerId() {
    return "p-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
  }
}

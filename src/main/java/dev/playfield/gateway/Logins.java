package dev.playfield.gateway;

import dev.playfield.cluster.ResumeStore;
import dev.playfield.cluster.SessionDirectory;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.KickSession;
import dev.playfield.protocol.internal.ResumeEntry;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.store.PlayerStore;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a connection speaks for: guest logins, logins with a token, account logins (through
 * {@link AccountLogins}), and taking a dropped session back with a one-time resume token. Also makes sure a player has one session in the cluster.
 * Stateless; safe from any thread. Reads the wall clock only through the injected one.
 */
final class Logins {

  /** A login as answered, with the id of its resume token (the key of the token's cluster entry). */
  record Issued(LoginOk login, String resumeTokenId) {}

  /** A resumed session: who, and the room the player sat in (empty if none). */
  record Resumption(Issued issued, String roomId) {}

  /**
   * What logins read and write: the player and their rating (in {@code loginMode}, the rating a
   * login answers with) in the store, the session and resume entries in the cluster.
   */
  record Stores(PlayerStore players, String loginMode, SessionDirectory directory, ResumeStore resumes) {}

  private static final Logger log = LoggerFactory.getLogger(Logins.class);

  private final TokenService tokens;
  private final AccountLogins accounts;
  private final Stores stores;
  private final SessionRegistry registry;
  private final EventBus bus;
  private final String address;
  private final SessionWindows windows;
  private final Clock clock;

  Logins(TokenService tokens, AccountLogins accounts, Stores stores, SessionRegistry registry, EventBus bus,
      String gatewayAddress, SessionWindows windows, Clock clock) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.stores = stores;
    this.registry = registry;
    this.bus = bus;
    this.address = gatewayAddress;
    this.windows = windows;
    this.clock = clock;
  }

  /**
   * A login from {@code address}: as a guest (or the player of an earlier session token), with a
   * username and password, or with an identity token, as the fields set ask (see the protocol's
   * Login). Fails with {@link LoginRefused} for a refused one.
   */
  Future<Issued> login(Login login, String address) {
    boolean password = !login.getUsername().isEmpty() || !login.getPassword().isEmpty() || login.getCreateAccount();
    boolean identity = !login.getIdToken().isEmpty();
    if (password && identity) {
      return Future.failedFuture(new LoginRefused(ErrorCode.INVALID_ARGUMENT, "send a username or an identity token, not both"));
    }
    // A password login names its player by the username; a token beside it is not read.
    boolean linking = !password || login.getCreateAccount();
    Future<TokenService.Claims> known = login.getToken().isEmpty() || !linking ? Future.succeededFuture(null)
        : sessionPlayer(login.getToken());
    Future<TokenService.Claims> who = known.compose(claims -> password
        ? accounts.password(login, claims, GuestIds.newPlayerId(), address)
        : identity ? accounts.identity(login, claims, GuestIds.newPlayerId(), address)
        : Future.succeededFuture(guest(login, claims)));
    return who.compose(claims -> issue(claims.playerId(), claims.name(), ""));
  }

  private Future<TokenService.Claims> sessionPlayer(String token) {
    return tokens.verify(token).recover(Logins::refusedToken).compose(claims ->
        claims.tokenId().isEmpty() ? Future.succeededFuture(claims)
            : Future.failedFuture(new LoginRefused(ErrorCode.INVALID_TOKEN, "that is a resume token: send it in Resume")));
  }

  /** The guest a login speaks for: the token's player when it had one, else a new one. */
  private static TokenService.Claims guest(Login login, TokenService.Claims known) {
    TokenService.Claims claims = known != null ? known : new TokenService.Claims(GuestIds.newPlayerId(), "");
    String chosen = !login.getName().isBlank() ? login.getName().strip()
        : !claims.name().isEmpty() ? claims.name() : GuestIds.guestName(claims.playerId());
    return new TokenService.Claims(claims.playerId(), chosen);
  }

  /**
   * Takes a session back; fails with {@link LoginRefused} for a forged, unknown, used or expired token.
   * Refusals are logged with their reason (and the player, when the token names one).
   */
  Future<Resumption> resume(String resumeToken) {
    String[] player = {"unknown"};
    return tokens.verify(resumeToken)
        .recover(cause -> Future.failedFuture(new LoginRefused(ErrorCode.RESUME_REJECTED, "not a resume token of this server")))
        .compose(claims -> {
          player[0] = claims.playerId();
          return claims.tokenId().isEmpty()
              ? Future.failedFuture(new LoginRefused(ErrorCode.RESUME_REJECTED, "that is a login token: send it in Login"))
              : stores.resumes().consume(claims.tokenId());
        })
        .compose(this::resumeFrom)
        .onFailure(cause -> {
          if (cause instanceof LoginRefused refused) {
            log.atInfo().addKeyValue("player", player[0]).addKeyValue("code", refused.code)
                .log("resume refused: {}", refused.getMessage());
          }
        });
  }

  private Future<Resumption> resumeFrom(ResumeEntry entry) {
    if (entry == null) {
      return Future.failedFuture(new LoginRefused(ErrorCode.RESUME_REJECTED,
          "resume token unknown or already used; log in instead"));
    }
    long away = entry.getDisconnectedAtMs() == 0 ? 0 : clock.millis() - entry.getDisconnectedAtMs();
    if (away > windows.reconnectGraceMs()) {
      return Future.failedFuture(new LoginRefused(ErrorCode.RESUME_EXPIRED,
          "the grace window of " + windows.reconnectGraceMs() / 1000 + " s has passed; log in instead"));
    }
    return issue(entry.getPlayerId(), entry.getName(), entry.getRoomId())
        .map(issued -> new Resumption(issued, entry.getRoomId()));
  }

  /** Records where the player is now (a room, or none), under the session's current resume token. */
  Future<Void> remember(Issued issued, String roomId, long disconnectedAtMs) {
    LoginOk login = issued.login();
    ResumeEntry entry = ResumeEntry.newBuilder().setPlayerId(login.getPlayerId()).setName(login.getName())
        .setRoomId(roomId).setDisconnectedAtMs(disconnectedAtMs).build();
    // Kept a while past the grace window, so a late resume is told "expired" rather than "unknown".
    long ttl = disconnectedAtMs == 0 ? windows.tokenTtlMs() : windows.reconnectGraceMs() + 600_000;
    return stores.resumes().put(issued.resumeTokenId(), entry, ttl);
  }

  /**
   * Makes {@code session} the player's only session: a session of the same player on this node is
   * closed now, one on another node is told to close. Completes when the cluster knows.
   */
  Future<Void> claim(String playerId, SessionHandle session) {
    SessionHandle replaced = registry.bind(playerId, session);
    if (replaced != null) {
      replaced.execute(replaced::replaced);
    }
    return stores.directory().claim(playerId, address).map(previous -> {
      if (previous != null && !previous.equals(address)) {
        bus.send(previous, GatewayFrame.newBuilder().setKick(KickSession.newBuilder()
            .setPlayerId(playerId).setNewGateway(address)).build());
      }
      return null;
    });
  }

  /** Forgets the player's session here and in the cluster, unless another one has claimed it since. */
  void release(String playerId, SessionHandle session) {
    if (registry.unbind(playerId, session)) {
      stores.directory().release(playerId, address);
    }
  }

  private Future<Issued> issue(String playerId, String name, String roomId) {
    TokenService.ResumeToken resume = tokens.issueResume(playerId, name);
    return stores.players().enter(playerId, name, stores.loginMode()).compose(rating -> {
      LoginOk ok = LoginOk.newBuilder().setPlayerId(playerId).setName(name).setRating(rating)
          .setToken(tokens.issue(playerId, name)).setResumeToken(resume.token()).build();
      Issued issued = new Issued(ok, resume.tokenId());
      return remember(issued, roomId, 0).map(issued);
    });
  }

  private static <T> Future<T> refusedToken(Throwable cause) {
    boolean expired = cause instanceof TokenService.TokenRejected rejected && rejected.expired();
    return Future.failedFuture(new LoginRefused(expired ? ErrorCode.TOKEN_EXPIRED : ErrorCode.INVALID_TOKEN, cause.getMessage()));
  }
}

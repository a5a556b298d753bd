package dev.playfield.gateway;

import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.Login;
import dev.playfield.store.PlayerStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Logins with an account: a username and password (logging in, or registering, possibly for the
 * guest a session token names) and identity tokens from the OpenID Connect provider. Each answers
 * the player to issue a session for; {@link Logins} issues it. Every attempt passes
 * {@link LoginAttempts} first. Password hashing runs on worker threads. Safe from any thread.
 */
final class AccountLogins {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,32}");
  static final int MIN_PASSWORD = 8;
  static final int MAX_PASSWORD = 128;

  private final PlayerStore players;
  private final PasswordHasher hasher;
  private final IdentityTokens identities;
  private final LoginAttempts attempts;
  private final Vertx vertx;

  AccountLogins(PlayerStore players, PasswordHasher hasher, IdentityTokens identities, LoginAttempts attempts,
      Vertx vertx) {
    this.players = players;
    this.hasher = hasher;
    this.identities = identities;
    this.attempts = attempts;
    this.vertx = vertx;
  }

  /**
   * A username login, or with {@code create_account} a registration: for {@code guest} (the
   * player a valid session token named) when not null, else for {@code newPlayerId}.
   */
  Future<TokenService.Claims> password(Login login, TokenService.Claims guest, String newPlayerId, String address) {
    String username = login.getUsername().strip().toLowerCase(Locale.ROOT);
    String password = login.getPassword();
    if (!USERNAME.matcher(username).matches()) {
      return refused(ErrorCode.INVALID_ARGUMENT, "username must be 3 to 32 letters, digits, '.', '_' or '-'");
    }
    if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      return refused(ErrorCode.INVALID_ARGUMENT, "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
    }
    Future<Void> allowed = allowed(username, address);
    if (allowed.failed()) {
      return allowed.mapEmpty();
    }
    return login.getCreateAccount() ? register(login, username, guest, newPlayerId) : check(login, username);
  }

  private Future<TokenService.Claims> register(Login login, String username, TokenService.Claims guest,
      String newPlayerId) {
    String playerId = guest != null ? guest.playerId() : newPlayerId;
    String name = chosenName(login, guest != null && !guest.name().isEmpty() ? guest.name() : login.getUsername().strip());
    return vertx.executeBlocking(() -> hasher.hash(login.getPassword()), false)
        .compose(hash -> players.addPasswordLogin(playerId, name, username, hash))
        .compose(link -> switch (link) {
          case LINKED -> {
            attempts.succeeded(username);
            yield Future.succeededFuture(new TokenService.Claims(playerId, name));
          }
          case USERNAME_TAKEN -> refused(ErrorCode.ACCOUNT_TAKEN, "username '" + username + "' is taken");
          case PLAYER_HAS_ONE -> refused(ErrorCode.ACCOUNT_TAKEN, "this player has a username already; log in with it");
        });
  }

  private Future<TokenService.Claims> check(Login login, String username) {
    return players.passwordLogin(username).compose(stored -> vertx.executeBlocking(() ->
            hasher.matches(login.getPassword(), stored == null ? null : stored.passwordHash()), false)
        .compose(matches -> {
          if (!matches) {
            return refused(ErrorCode.INVALID_CREDENTIALS, "unknown username or wrong password");
          }
          attempts.succeeded(username);
          return Future.succeededFuture(new TokenService.Claims(stored.playerId(), chosenName(login, stored.name())));
        }));
  }

  /**
   * An identity token login: the player bound to the token's identity, bound now when new (to
   * {@code guest} when not null, else to {@code newPlayerId}).
   */
  Future<TokenService.Claims> identity(Login login, TokenService.Claims guest, String newPlayerId, String address) {
    if (!identities.enabled()) {
      return refused(ErrorCode.INVALID_ARGUMENT, "this server accepts no identity tokens (auth.oidc is not configured)");
    }
    Future<Void> allowed = allowed("", address);
    if (allowed.failed()) {
      return allowed.mapEmpty();
    }
    return identities.verify(login.getIdToken())
        .recover(cause -> cause instanceof TokenService.TokenRejected rejected
            ? refused(rejected.expired() ? ErrorCode.TOKEN_EXPIRED : ErrorCode.INVALID_TOKEN, rejected.getMessage())
            : Future.failedFuture(cause))
        .compose(identity -> {
          String playerId = guest != null ? guest.playerId() : newPlayerId;
          String fallback = guest != null && !guest.name().isEmpty() ? guest.name()
              : !identity.name().isEmpty() ? identity.name() : GuestIds.guestName(playerId);
          return players.bindIdentity(identity.issuer(), identity.subject(), playerId, chosenName(login, fallback));
        })
        .compose(bound -> guest != null && !bound.playerId().equals(guest.playerId())
            ? refused(ErrorCode.ACCOUNT_TAKEN, "that identity logs in as another player already")
            : Future.succeededFuture(new TokenService.Claims(bound.playerId(), chosenName(login, bound.name()))));
  }

  private Future<Void> allowed(String account, String address) {
    long waitSeconds = attempts.tryAttempt(account, address);
    return waitSeconds == 0 ? Future.succeededFuture()
        : refused(ErrorCode.TOO_MANY_ATTEMPTS, "too many login attempts; try again in " + waitSeconds + " s");
  }

  private static String chosenName(Login login, String otherwise) {
    return login.getName().isBlank() ? otherwise : login.getName().strip();
  }

  private static <T> Future<T> refused(ErrorCode code, String message) {
    return Future.failedFuture(new LoginRefused(code, message));
  }
}

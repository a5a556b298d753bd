package dev.playfield.config;

/**
 * How players log in beyond guest tokens: password hashing, login rate limits and the OpenID
 * Connect provider (keys of the {@code auth} section).
 *
 * @param passwordIterations PBKDF2 iterations for new password hashes (older hashes keep theirs)
 * @param attemptsPerAccount password logins one username may attempt at once, refilled over the window
 * @param attemptsPerAddress password and identity logins one address may attempt at once, refilled over the window
 */
public record AccountsConfig(int passwordIterations, int attemptsPerAccount, int attemptsPerAddress,
    int attemptsWindowSeconds, Oidc oidc) {

  /**
   * The OpenID Connect provider whose identity tokens log players in; off when {@code issuer} is
   * empty. {@code audience} is this game's client id at the provider.
   */
  public record Oidc(String issuer, String audience, String jwksUrl) {
    public boolean enabled() {
      return !issuer.isEmpty();
    }
  }

  static AccountsConfig from(Section auth) {
    Section oidc = auth.section("oidc");
    Oidc provider = new Oidc(oidc.string("issuer").strip(), oidc.string("audience").strip(),
        oidc.string("jwks-url").strip());
    if (provider.enabled() && (provider.audience().isEmpty() || provider.jwksUrl().isEmpty())) {
      throw new IllegalArgumentException(oidc.name("issuer") + " is set: " + oidc.name("audience") + " and "
          + oidc.name("jwks-url") + " must be set too");
    }
    return new AccountsConfig(
        auth.intIn("password-iterations", 10_000, 10_000_000),
        auth.intIn("login-attempts-per-account", 1, 1_000_000),
        auth.intIn("login-attempts-per-address", 1, 1_000_000),
        auth.intIn("login-attempts-window-seconds", 1, 86_400),
        provider);
  }
}

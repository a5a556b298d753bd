-- Ways to log in beyond the guest token: a username with a password, and identities from an
-- external OpenID Connect provider. Each row points at a player, so a guest who adds one keeps its
-- player id (and with it ratings and history).

-- Usernames are stored lower-cased, so 'Ann' and 'ann' are one account. A player has at most one.
-- password_hash carries its own parameters (algorithm, iterations, salt), so they can grow.
CREATE TABLE password_logins (
  username      VARCHAR(64)  PRIMARY KEY,
  player_id     VARCHAR(64)  NOT NULL UNIQUE REFERENCES players (player_id),
  password_hash VARCHAR(256) NOT NULL,
  created_at    TIMESTAMP    NOT NULL
);

-- An external identity is its issuer and subject; each is bound to one player.
CREATE TABLE external_identities (
  issuer     VARCHAR(512) NOT NULL,
  subject    VARCHAR(255) NOT NULL,
  player_id  VARCHAR(64)  NOT NULL REFERENCES players (player_id),
  created_at TIMESTAMP    NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX external_identities_by_player ON external_identities (player_id);

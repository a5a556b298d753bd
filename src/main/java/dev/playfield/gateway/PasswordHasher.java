package dev.playfield.gateway;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with the JDK's PBKDF2WithHmacSHA256, encoded with their parameters as
 * {@code pbkdf2-sha256$<iterations>$<salt, Base64>$<key, Base64>} so the iteration count can grow
 * while older hashes still verify. Each call costs as much CPU as the iterations ask (tens of
 * milliseconds at the default): call from a worker thread, never an event loop. Thread-safe.
 */
final class PasswordHasher {

  static final int DEFAULT_ITERATIONS = 210_000;
  static final int SALT_BYTES = 16;
  static final int KEY_BYTES = 32;
  private static final String SCHEME = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

  private final int iterations;
  private final SecureRandom random = new SecureRandom();
  /** Checked against when the username is unknown, so an unknown name costs as much as a wrong password. */
  private volatile String decoy;

  PasswordHasher(int iterations) {
    this.iterations = iterations;
  }

  /** A new hash of {@code password} with a fresh random salt and this hasher's iteration count. */
  String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] key = derive(password, salt, iterations, KEY_BYTES);
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(key);
  }

  /**
   * True when {@code password} is the one {@code encoded} was made from, compared in constant time;
   * false for a wrong password and for an encoding this hasher does not read. A null
   * {@code encoded} (no such account) does the same work as a real check and answers false.
   */
  boolean matches(String password, String encoded) {
    if (encoded == null) {
      // Made on first use, on the caller's worker thread, not when the node wires the gateway.
      if (decoy == null) {
        decoy = hash("decoy password, never valid");
      }
      matches(password, decoy);
      return false;
    }
    String[] parts = encoded.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      int rounds = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      if (rounds < 1 || expected.length == 0) {
        return false;
      }
      return MessageDigest.isEqual(expected, derive(password, salt, rounds, expected.length));
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static byte[] derive(String password, byte[] salt, int rounds, int keyBytes) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, keyBytes * 8);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException missing) {
      throw new IllegalStateException(ALGORITHM + " is part of every JDK", missing);
    } finally {
      spec.clearPassword();
    }
  }
}

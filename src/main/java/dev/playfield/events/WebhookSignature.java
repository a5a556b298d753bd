package dev.playfield.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook call, sent as {@value #HEADER}: {@code sha256=} followed by the
 * lowercase hex HMAC-SHA256 of the raw request body, keyed with the UTF-8 bytes of the webhook
 * secret. A receiver computes the same over the bytes it received and compares in constant time.
 */
final class WebhookSignature {

  static final String HEADER = "Playfield-Signature";
  static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  WebhookSignature(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The header value for this body. */
  String sign(byte[] body) {
    try {
      // A Mac is not thread-safe and cheap to make: one per call.
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
    }
  }
}

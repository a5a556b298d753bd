package dev.playfield.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  /** RFC 4231, test case 2: an HMAC-SHA256 known answer computed independently of this code. */
  @Test
  void signsLikeTheHmacSha256OfRfc4231() {
    String header = new WebhookSignature("Jefe").sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
    assertThat(header).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void anotherSecretOrAnotherBodyGivesAnotherSignature() {
    byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
    String signed = new WebhookSignature("a-secret-of-sixteen+").sign(body);
    assertThat(new WebhookSignature("another-secret-of-16").sign(body)).isNotEqualTo(signed);
    assertThat(new WebhookSignature("a-secret-of-sixteen+").sign("{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8)))
        .isNotEqualTo(signed);
  }
}

package dev.playfield.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(20_000);

  @Test
  void aHashCarriesItsParametersAndMatchesOnlyItsPassword() {
    String encoded = hasher.hash("hunter2-hunter2");

    String[] parts = encoded.split("\\$");
    assertThat(parts).hasSize(4);
    assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
    assertThat(parts[1]).isEqualTo("20000");
    assertThat(Base64.getDecoder().decode(parts[2])).hasSize(PasswordHasher.SALT_BYTES);
    assertThat(Base64.getDecoder().decode(parts[3])).hasSize(PasswordHasher.KEY_BYTES);
    assertThat(hasher.matches("hunter2-hunter2", encoded)).isTrue();
    assertThat(hasher.matches("hunter2-hunter3", encoded)).isFalse();
    assertThat(hasher.matches("", encoded)).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTimeForItsSalt() {
    assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
  }

  @Test
  void aHashMadeWithOtherIterationsStillMatchesItsPassword() {
    String older = new PasswordHasher(10_000).hash("kept across upgrades");

    assertThat(hasher.matches("kept across upgrades", older)).isTrue();
  }

  @Test
  void noAccountAndForeignOrBrokenEncodingsNeverMatch() {
    assertThat(hasher.matches("anything", null)).isFalse();
    assertThat(hasher.matches("anything", "bcrypt$10$abc$def")).isFalse();
    assertThat(hasher.matches("anything", "pbkdf2-sha256$many$abc$def")).isFalse();
    assertThat(hasher.matches("anything", "pbkdf2-sha256$1000$!!$!!")).isFalse();
    assertThat(hasher.matches("anything", "pbkdf2-sha256$0$AAAA$AAAA")).isFalse();
  }
}

package dev.playfield.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The game API's generator: a state of one long that replays exactly, and ranges that hold. */
class SeededRandomTest {

  @Property
  void goingOnFromAStoredStateDrawsTheSameNumbers(@ForAll long seed, @ForAll @IntRange(max = 50) int skipped) {
    SeededRandom original = new SeededRandom(seed);
    for (int i = 0; i < skipped; i++) {
      original.nextLong();
    }
    SeededRandom restored = new SeededRandom(original.state());
    for (int i = 0; i < 20; i++) {
      assertThat(restored.nextLong()).isEqualTo(original.nextLong());
    }
  }

  @Property
  void nextIntStaysInItsRange(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_000_000) int bound) {
    SeededRandom random = new SeededRandom(seed);
    for (int i = 0; i < 50; i++) {
      assertThat(random.nextInt(bound)).isBetween(0, bound - 1);
    }
  }

  @Property(tries = 20)
  void everyFaceOfADieComesUpAboutEquallyOften(@ForAll long seed) {
    SeededRandom random = new SeededRandom(seed);
    int[] counts = new int[6];
    for (int i = 0; i < 60_000; i++) {
      counts[random.nextInt(6)]++;
    }
    for (int count : counts) {
      assertThat(count).isBetween(9_400, 10_600);
    }
  }

  @Property(tries = 10)
  void aBoundThatIsNotPositiveIsRefused(@ForAll @IntRange(min = -5, max = 0) int bound) {
    assertThatThrownBy(() -> new SeededRandom(1).nextInt(bound)).isInstanceOf(IllegalArgumentException.class);
  }
}

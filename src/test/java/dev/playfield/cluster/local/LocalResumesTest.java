package dev.playfield.cluster.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.support.MutableClock;
import dev.playfield.protocol.internal.ResumeEntry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The standalone resume store forgets tokens nobody came back with, as Hazelcast's TTL does. */
class LocalResumesTest {

  @Test
  void expiredTokensAreSweptAwayWhileNewOnesAreKept() {
    MutableClock clock = MutableClock.atEpoch();
    LocalResumes resumes = new LocalResumes(clock);
    ResumeEntry entry = ResumeEntry.newBuilder().setPlayerId("p").build();
    for (int i = 0; i < 10; i++) {
      resumes.put("short-" + i, entry, 1);
    }
    resumes.put("kept", entry, 60_000);
    clock.advance(Duration.ofMillis(5));

    for (int i = 0; i < LocalResumes.SWEEP_EVERY_PUTS; i++) {
      resumes.put("fresh-" + i, entry, 60_000);
    }

    assertThat(resumes.size()).as("the ten expired tokens are gone")
        .isEqualTo(1 + LocalResumes.SWEEP_EVERY_PUTS);
    assertThat(resumes.consume("kept").result().getPlayerId()).isEqualTo("p");
    assertThat(resumes.consume("short-3").result()).isNull();
  }
}

package dev.playfield.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.internal.ResumeEntry;
import org.junit.jupiter.api.Test;

/** The standalone resume store forgets tokens nobody came back with, as Hazelcast's TTL does. */
class LocalResumesTest {

  @Test
  void expiredTokensAreSweptAwayWhileNewOnesAreKept() throws Exception {
    LocalCluster.Resumes resumes = new LocalCluster.Resumes();
    ResumeEntry entry = ResumeEntry.newBuilder().setPlayerId("p").build();
    for (int i = 0; i < 10; i++) {
      resumes.put("short-" + i, entry, 1);
    }
    resumes.put("kept", entry, 60_000);
    Thread.sleep(5);

    for (int i = 0; i < LocalCluster.Resumes.SWEEP_EVERY_PUTS; i++) {
      resumes.put("fresh-" + i, entry, 60_000);
    }

    assertThat(resumes.size()).as("the ten expired tokens are gone")
        .isEqualTo(1 + LocalCluster.Resumes.SWEEP_EVERY_PUTS);
    assertThat(resumes.consume("kept").result()).isEqualTo(entry);
    assertThat(resumes.consume("short-3").result()).isNull();
  }
}

package dev.playfield.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Int32Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputQueueTest {

  private static final Any INPUT = Any.pack(Int32Value.of(1));

  @Test
  void pollReturnsInputsInSequenceOrderWhateverTheOrderOfArrival() {
    InputQueue queue = new InputQueue(8);
    for (int seq : new int[] {4, 1, 3, 6, 2, 5}) {
      assertThat(queue.offer(seq, INPUT, 0)).isTrue();
    }

    assertThat(drain(queue)).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.poll()).isNull();
  }

  @Test
  void inputsAtOrBelowTheLastAppliedSequenceAreRefused() {
    InputQueue queue = new InputQueue(8);

    assertThat(queue.offer(5, INPUT, 5)).isFalse();
    assertThat(queue.offer(4, INPUT, 5)).isFalse();
    assertThat(queue.offer(6, INPUT, 5)).isTrue();
    assertThat(drain(queue)).containsExactly(6);
  }

  @Test
  void aSequenceAlreadyQueuedIsRefused() {
    InputQueue queue = new InputQueue(8);
    queue.offer(1, INPUT, 0);
    queue.offer(3, INPUT, 0);

    assertThat(queue.offer(3, INPUT, 0)).isFalse();
    assertThat(queue.offer(1, INPUT, 0)).isFalse();
    assertThat(drain(queue)).containsExactly(1, 3);
  }

  @Test
  void sequencesCompareAsUnsigned32BitNumbers() {
    // seq is a uint32 on the wire: 2^31 arrives as a negative int and must still be newer than 2^31 - 1.
    InputQueue queue = new InputQueue(8);
    int last = Integer.MAX_VALUE;

    assertThat(queue.offer(Integer.MIN_VALUE + 1, INPUT, last)).isTrue();
    assertThat(queue.offer(Integer.MIN_VALUE, INPUT, last)).isTrue();
    assertThat(queue.offer(7, INPUT, last)).as("small seqs are older than 2^31 - 1").isFalse();
    assertThat(drain(queue)).containsExactly(Integer.MIN_VALUE, Integer.MIN_VALUE + 1);
  }

  @Test
  void aFullQueueDropsItsOldestInputAndCountsIt() {
    InputQueue queue = new InputQueue(3);
    for (int seq = 1; seq <= 5; seq++) {
      assertThat(queue.offer(seq, INPUT, 0)).isTrue();
    }

    assertThat(queue.dropped()).isEqualTo(2);
    assertThat(drain(queue)).containsExactly(3, 4, 5);
  }

  // Regression: a full queue used to evict its oldest input for an even older one, so a newer
  // intent was lost and a staler one applied.
  @Test
  void aFullQueueRefusesAnInputOlderThanEverythingQueued() {
    InputQueue queue = new InputQueue(3);
    for (int seq = 3; seq <= 5; seq++) {
      queue.offer(seq, INPUT, 0);
    }

    queue.offer(1, INPUT, 0);

    assertThat(drain(queue)).containsExactly(3, 4, 5);
    assertThat(queue.dropped()).isEqualTo(1);
  }

  @Test
  void inputQueueDropsAreCounted() {
    List<InputDrops.Reason> drops = new ArrayList<>();
    InputQueue queue = new InputQueue(2, drops::add);

    queue.offer(1, INPUT, 0);
    queue.offer(1, INPUT, 0); // already queued
    queue.offer(2, INPUT, 0);
    queue.offer(3, INPUT, 0); // full: 1 goes
    queue.offer(1, INPUT, 0); // full and older than everything queued: it goes itself
    queue.offer(5, INPUT, 6); // at or below the last applied

    assertThat(drops).containsExactly(InputDrops.Reason.STALE, InputDrops.Reason.FULL, InputDrops.Reason.FULL,
        InputDrops.Reason.STALE);
    assertThat(drain(queue)).containsExactly(2, 3);
  }

  @Test
  void clearEmptiesTheQueue() {
    InputQueue queue = new InputQueue(3);
    queue.offer(1, INPUT, 0);
    queue.offer(2, INPUT, 0);

    queue.clear();

    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.poll()).isNull();
  }

  private static List<Integer> drain(InputQueue queue) {
    List<Integer> seqs = new ArrayList<>();
    for (InputQueue.Entry entry = queue.poll(); entry != null; entry = queue.poll()) {
      seqs.add(entry.seq());
    }
    return seqs;
  }
}

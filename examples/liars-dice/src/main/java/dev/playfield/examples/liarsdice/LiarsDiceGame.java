package dev.playfield.examples.liarsdice;

import dev.playfield.game.SeededRandom;
import com.google.protobuf.Message;
import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.Stage;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.PlayerInput;
import dev.playfield.game.Standing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One match of Liar's Dice: the {@link Table} it is played on and the {@link Referee} that applies
 * the rules to it. Views are per player (each sees their own cup) and are kept until the table
 * changes, since the host asks for them every tick.
 */
final class LiarsDiceGame implements Game {

  private final LiarsDiceRules rules;
  private final Table table;
  private final Referee referee;
  private final LiarsDiceState[] views;
  private long viewsVersion = -1;

  private LiarsDiceGame(LiarsDiceRules rules, Table table) {
    this.rules = rules;
    this.table = table;
    this.referee = new Referee(rules, table);
    this.views = new LiarsDiceState[table.players()];
  }

  /** Throws {@link IllegalArgumentException} for a bad setting or a match without players. */
  static LiarsDiceGame start(GameSetup setup) {
    LiarsDiceRules rules = LiarsDiceRules.from(setup);
    List<Seat> seats = new ArrayList<>();
    for (int slot = 0; slot < playersOf(setup); slot++) {
      seats.add(Seat.withDice(slot, rules.dicePerPlayer()));
    }
    Table table = new Table(seats, new SeededRandom(setup.seed()), List.of(),
        new Table.Clock(0, 0, 0), new Table.Turn(0, 0, Stage.STAGE_UNSPECIFIED, 0), 0, null);
    LiarsDiceGame game = new LiarsDiceGame(rules, table);
    game.referee.openMatch();
    return game;
  }

  /** Throws {@link IllegalArgumentException} when the snapshot is corrupt or of another kind of match. */
  static LiarsDiceGame restore(GameSetup setup, byte[] snapshot) {
    LiarsDiceRules rules = LiarsDiceRules.from(setup);
    return new LiarsDiceGame(rules, new SnapshotReader(rules, playersOf(setup)).read(snapshot));
  }

  /**
   * A tick once the match is over changes nothing. A leave can end the match between two ticks,
   * and a host that looks at {@link #finished()} only after a tick still ticks once more: that tick
   * must let it see the end, not fail.
   */
  @Override
  public void tick(List<PlayerInput> inputs) {
    if (!finished()) {
      referee.tick(inputs);
    }
  }

  @Override
  public void leave(int slot) {
    checkSlot(slot);
    referee.leave(slot);
  }

  /**
   * Nothing changes: the seat is kept and the turn timer runs as for anyone, so an absent player
   * whose turn comes loses a die when it runs out, and plays on if they come back in time.
   */
  @Override
  public void absent(int slot) {
    checkSlot(slot);
  }

  @Override
  public Message view(int slot) {
    checkSlot(slot);
    if (viewsVersion != table.version()) {
      Arrays.fill(views, null);
      viewsVersion = table.version();
    }
    if (views[slot] == null) {
      views[slot] = TableViews.of(table, rules, slot);
    }
    return views[slot];
  }

  /** False: each player's view holds their own cup. */
  @Override
  public boolean sharedView() {
    return false;
  }

  @Override
  public boolean finished() {
    return table.stage() == Stage.STAGE_GAME_OVER;
  }

  @Override
  public List<Standing> standings() {
    return Ranking.of(table);
  }

  @Override
  public byte[] snapshot() {
    return TableSnapshots.write(table);
  }

  private static int playersOf(GameSetup setup) {
    if (setup.players() < 1) {
      throw new IllegalArgumentException("a match needs at least one player");
    }
    return setup.players();
  }

  private void checkSlot(int slot) {
    if (slot < 0 || slot >= table.players()) {
      throw new IllegalArgumentException("no player in slot " + slot);
    }
  }
}

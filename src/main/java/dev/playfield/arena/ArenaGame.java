package dev.playfield.arena;

import com.google.protobuf.Message;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.PlayerInput;
import dev.playfield.game.SeededRandom;
import dev.playfield.game.Standing;
import java.util.List;

/**
 * One match of the arena: players steer circles around a field and pick up collectables. A tick
 * first tops the collectables up, then applies the inputs, moves everyone, and hands out points;
 * the match ends at the time limit or when someone reaches the score limit.
 */
final class ArenaGame implements Game {

  private final ArenaRules rules;
  private final MatchState match;
  private final FieldPhysics physics;
  private boolean finished;
  private ArenaState view;

  private ArenaGame(ArenaRules rules, MatchState match) {
    this.rules = rules;
    this.match = match;
    this.physics = new FieldPhysics(rules);
    this.finished = matchOver();
  }

  static ArenaGame start(GameSetup setup) {
    ArenaRules rules = ArenaRules.from(setup);
    List<Avatar> avatars = SpawnPoints.place(setup.players(), rules);
    Pickups noPickupsYet = new Pickups(List.of(), 0);
    MatchState match = new MatchState(0, new SeededRandom(setup.seed()), avatars, noPickupsYet);
    match.pickups().refill(rules, match.rng());
    return new ArenaGame(rules, match);
  }

  static ArenaGame restore(GameSetup setup, byte[] snapshot) {
    ArenaRules rules = ArenaRules.from(setup);
    return new ArenaGame(rules, ArenaSnapshots.read(snapshot, rules, setup.players()));
  }

  @Override
  public void tick(List<PlayerInput> inputs) {
    if (finished) {
      throw new IllegalStateException("the match is over; no more ticks");
    }
    // Topping up before anything moves means a collectable picked up in one tick returns in a later one.
    match.pickups().refill(rules, match.rng());
    inputs.forEach(this::steer);
    physics.step(match.avatars());
    match.pickups().collect(match.avatars(), rules.pickupReach());
    match.advanceTick();
    finished = matchOver();
    view = null;
  }

  @Override
  public void leave(int slot) {
    checkSlot(slot);
    match.avatar(slot).leave();
    view = null;
  }

  /** An absent player stands still rather than running into a wall until they are back. */
  @Override
  public void absent(int slot) {
    checkSlot(slot);
    match.avatar(slot).steer(0, 0);
  }

  @Override
  public Message view(int slot) {
    checkSlot(slot);
    if (view == null) {
      view = ArenaViews.of(rules, match);
    }
    return view;
  }

  @Override
  public boolean sharedView() {
    return true;
  }

  @Override
  public boolean finished() {
    return finished;
  }

  @Override
  public List<Standing> standings() {
    return StandingsTable.rank(match.avatars());
  }

  @Override
  public byte[] snapshot() {
    return ArenaSnapshots.write(match);
  }

  /**
   * The host has validated the input already; anything that still does not fit (an unknown slot, a
   * player who left, a bad value) is dropped rather than allowed to corrupt the match.
   */
  private void steer(PlayerInput input) {
    boolean knownSlot = input.slot() >= 0 && input.slot() < match.avatars().size();
    if (!knownSlot || ArenaInputCheck.rejectReason(input.input()).isPresent()) {
      return;
    }
    Avatar avatar = match.avatar(input.slot());
    if (avatar.present()) {
      ArenaInput direction = (ArenaInput) input.input();
      avatar.steer(direction.getDx(), direction.getDy());
    }
  }

  private boolean matchOver() {
    return match.tick() >= rules.matchTicks()
        || match.avatars().stream().anyMatch(avatar -> avatar.score() >= rules.scoreLimit());
  }

  private void checkSlot(int slot) {
    if (slot < 0 || slot >= match.avatars().size()) {
      throw new IllegalArgumentException("no player in slot " + slot);
    }
  }
}

package dev.playfield.examples.liarsdice;

import dev.playfield.examples.liarsdice.proto.PlacedBid;

/**
 * A bid on the table: {@code bidder} says at least {@code quantity} dice in play show {@code face}.
 */
record Claim(int bidder, int quantity, int face) {

  /** True when this bid may follow {@code previous}: more dice, or as many of a higher face. */
  boolean beats(Claim previous) {
    return quantity > previous.quantity || (quantity == previous.quantity && face > previous.face);
  }

  PlacedBid toProto() {
    return PlacedBid.newBuilder().setSlot(bidder).setQuantity(quantity).setFace(face).build();
  }

  static Claim of(PlacedBid bid) {
    return new Claim(bid.getSlot(), bid.getQuantity(), bid.getFace());
  }

  @Override
  public String toString() {
    return quantity + " x " + face;
  }
}

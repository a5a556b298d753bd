/**
 * The reference game "arena": its messages, generated from `playfield/arena/arena.proto`, and
 * the schemas to give a `PlayfieldClient`: `new PlayfieldClient({ url, game: arenaSchemas })`.
 * @packageDocumentation
 */
import type { GameSchemas } from './game-types.js';
import {
  ArenaInputSchema,
  ArenaStateSchema,
  type ArenaInput,
  type ArenaState,
} from './gen/playfield/arena/arena_pb.js';

export {
  ArenaInputSchema,
  ArenaPlayerSchema,
  ArenaStateSchema,
  CollectableSchema,
  type ArenaInput,
  type ArenaPlayer,
  type ArenaState,
  type Collectable,
} from './gen/playfield/arena/arena_pb.js';

/** Arena's state and input types, for `ClientOptions.game`. */
export const arenaSchemas: GameSchemas<ArenaState, ArenaInput> = { state: ArenaStateSchema, input: ArenaInputSchema };

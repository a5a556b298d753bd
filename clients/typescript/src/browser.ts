/**
 * The browser bundle's entry: the SDK and the reference game's messages in one ES module, as a
 * node serves it at `/sdk/playfield-client.js`.
 * @packageDocumentation
 */
export * from './index.js';
export * from './arena.js';

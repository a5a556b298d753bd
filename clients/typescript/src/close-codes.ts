/** WebSocket close codes a Playfield node uses, and the ones a browser reports for a lost socket. */
export const CloseCode = {
  /** The client closed the connection itself. */
  NORMAL: 1000,
  /** The node is draining (shutting down): reconnect, to another node when there is one. */
  GOING_AWAY: 1001,
  /** The socket was lost without a close frame (network, a killed node, a cut cable). */
  ABNORMAL: 1006,
  /** Too many protocol errors in a short time; the reason names the last one. */
  TOO_MANY_ERRORS: 4000,
  /** The same player logged in from another connection, which now owns the session. */
  REPLACED: 4001,
  /** The client read its states too slowly for too long. */
  TOO_SLOW: 4002,
} as const;

/**
 * What the client does after a close it did not ask for: `resume` (reconnect and take the session
 * back, on the same node list), `resume-elsewhere` (the same, starting with the next URL), or
 * `stop` (reconnecting would be refused or would undo what the server meant).
 */
export type CloseAction = 'resume' | 'resume-elsewhere' | 'stop';

/** The action for a close code; see the table in the README. */
export function actionForClose(code: number): CloseAction {
  switch (code) {
    case CloseCode.GOING_AWAY:
      return 'resume-elsewhere';
    case CloseCode.TOO_MANY_ERRORS: // the same client would earn the same errors again
    case CloseCode.REPLACED: // another connection took the session; taking it back would fight it
      return 'stop';
    default:
      return 'resume';
  }
}

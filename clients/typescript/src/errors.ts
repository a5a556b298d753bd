import { ErrorCode } from './gen/playfield/v1/playfield_pb.js';

/** The stable error codes of the protocol (`playfield.v1.ErrorCode`), by name. */
export type ServerErrorCode = keyof typeof ErrorCode;

/**
 * Codes the SDK itself gives, for failures no server reported: a request that got no answer in
 * time, a connection that closed while a request waited, a frame the SDK could not decode, or a
 * call that needs a connection there is not, a resume with no session stored.
 */
export type ClientErrorCode = 'REQUEST_TIMEOUT' | 'CONNECTION_CLOSED' | 'DECODE_FAILED' | 'NOT_CONNECTED' | 'NO_SESSION';

/**
 * An error with a stable code: either one the server sent (`fromServer`, the codes of
 * `playfield.v1.ErrorCode`) or one of the SDK's own ({@link ClientErrorCode}). Match on `code`,
 * never on `message`, which is for people.
 */
export class PlayfieldError extends Error {
  override readonly name = 'PlayfieldError';

  constructor(
    /** The stable code, such as `RESUME_EXPIRED` or `REQUEST_TIMEOUT`. */
    readonly code: ServerErrorCode | ClientErrorCode | `ERROR_CODE_${number}`,
    message: string,
    /** True when the server sent this error; false for the SDK's own codes. */
    readonly fromServer: boolean,
    /** The request this error answers (`login`, `joinQueue`, ...), when it answers one. */
    readonly request?: string,
  ) {
    super(message ? `${code}: ${message}` : code);
  }

  /** The error a server's `Error` message stands for. */
  static fromServerError(code: ErrorCode, message: string, request?: string): PlayfieldError {
    const name = ErrorCode[code] as ServerErrorCode | undefined;
    return new PlayfieldError(name ?? `ERROR_CODE_${code}`, message, true, request);
  }
}

/**
 * SDK error codes worth handling, as the web SDK reports them (sdk.md), and the error shape every
 * adapter rejects with: an `Error` carrying `{ code, message, data }`.
 */
export const ErrorCode = {
  /** Invalid parameter (V2TIM ERR_INVALID_PARAMETERS). */
  INVALID_PARAMETERS: 6017,
  CONVERSATION_NOT_FOUND: 2500,
  INVALID_CONVERSATION_ID: 2503,
  NETWORK: 2800,
  CLIENT_FREQUENCY_LIMIT: 2996,
  SDK_NOT_READY: 2999,
  SERVER_FREQUENCY_LIMIT: 10006,
  /** The kit's own: a call did not settle within the store's timeout. */
  TIMEOUT: 2801,
  /** The kit's own: an adapter answered with something that is not a result list. */
  MALFORMED_RESULT: 2802,
  /** The kit's own: an ID the adapter left out of its per-item answer. */
  MISSING_RESULT: 2803,
} as const;

/** Codes worth retrying with backoff: network and both frequency limits. */
export const RETRIABLE_CODES: ReadonlySet<number> = new Set([
  ErrorCode.NETWORK,
  ErrorCode.CLIENT_FREQUENCY_LIMIT,
  ErrorCode.SERVER_FREQUENCY_LIMIT,
]);

export class ChatError extends Error {
  readonly code: number;
  readonly data: unknown;
  constructor(code: number, message: string, data?: unknown) {
    super(message);
    this.name = 'ChatError';
    this.code = code;
    this.data = data;
  }
}

/** Reads `{ code, message }` off anything an adapter may throw or reject with. */
export function toChatError(error: unknown): ChatError {
  if (error instanceof ChatError) return error;
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown; data?: unknown };
    const code = typeof e.code === 'number' && Number.isFinite(e.code) ? e.code : -1;
    const message = typeof e.message === 'string' && e.message ? e.message : String(error);
    return new ChatError(code, message, e.data);
  }
  return new ChatError(-1, typeof error === 'string' && error ? error : 'Unknown error');
}

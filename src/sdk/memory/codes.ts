import { ErrorCode } from '../errors.js';

/**
 * The messages the SDK attaches to its error codes (sdk.md), so that errors coming out of the
 * in-memory server read like the ones a real Tencent Cloud Chat backend produces.
 */
const MESSAGES: ReadonlyMap<number, string> = new Map<number, string>([
  [ErrorCode.INVALID_PARAMETERS, 'Invalid parameters'],
  [ErrorCode.CONVERSATION_NOT_FOUND, 'Conversation not found'],
  [ErrorCode.INVALID_CONVERSATION_ID, 'Invalid conversation ID'],
  [ErrorCode.NETWORK, 'Network error'],
  [ErrorCode.TIMEOUT, 'Request timed out'],
  [ErrorCode.CLIENT_FREQUENCY_LIMIT, 'Client frequency limit'],
  [ErrorCode.SDK_NOT_READY, 'SDK not ready'],
  [ErrorCode.SERVER_FREQUENCY_LIMIT, 'Server frequency limit exceeded'],
]);

/** A human-readable message for an SDK error / result code; unknown codes still name the code. */
export function describeCode(code: number): string {
  if (code === 0) return '';
  return MESSAGES.get(code) ?? `Error ${code}`;
}

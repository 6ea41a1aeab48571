import { ChatError, ErrorCode } from '../errors.js';
import { MAX_IDS_PER_CALL } from '../types.js';

/** The most conversations one `getConversationList` page may hold; larger counts are capped. */
export const MAX_PAGE_SIZE = 1000;

function invalid(message: string): ChatError {
  return new ChatError(ErrorCode.INVALID_PARAMETERS, message);
}

/** Short, safe description of a bad argument for error messages (never dumps big objects). */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/**
 * Validates a per-item operation's ID list the way the native SDK does: the WHOLE call is
 * rejected (nothing applied) for a non-array, an empty list, more than 100 IDs, a non-string or
 * empty ID, or a duplicate. Returns a copy, so later mutation by the caller cannot change the call.
 */
export function validateConversationIDList(ids: unknown, operation: string): string[] {
  if (!Array.isArray(ids)) {
    throw invalid(`${operation}: conversationIDList must be an array of conversation IDs, got ${show(ids)}`);
  }
  if (ids.length === 0) throw invalid(`${operation}: conversationIDList must not be empty`);
  if (ids.length > MAX_IDS_PER_CALL) {
    throw invalid(
      `${operation}: conversationIDList holds ${ids.length} IDs; at most ${MAX_IDS_PER_CALL} are allowed per call`,
    );
  }
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    const id: unknown = ids[i];
    if (typeof id !== 'string' || id === '') {
      throw invalid(`${operation}: conversationIDList[${i}] must be a non-empty string, got ${show(id)}`);
    }
    if (seen.has(id)) throw invalid(`${operation}: duplicate conversation ID ${show(id)} at index ${i}`);
    seen.add(id);
  }
  return ids.slice() as string[];
}

export function validateBoolean(value: unknown, name: string, operation: string): boolean {
  if (typeof value !== 'boolean') throw invalid(`${operation}: ${name} must be a boolean, got ${show(value)}`);
  return value;
}

export function validateConversationID(value: unknown, operation: string): string {
  if (typeof value !== 'string' || value === '') {
    throw invalid(`${operation}: conversationID must be a non-empty string, got ${show(value)}`);
  }
  return value;
}

/** A positive integer, capped at {@link MAX_PAGE_SIZE}. */
export function validateCount(value: unknown, operation: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw invalid(`${operation}: count must be a positive integer, got ${show(value)}`);
  }
  return Math.min(value, MAX_PAGE_SIZE);
}

/** Mark types are bit flags (V2TIM_CONVERSATION_MARK_TYPE_*), so one positive integer. */
export function validateMarkType(value: unknown, operation: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw invalid(`${operation}: markType must be a positive integer, got ${show(value)}`);
  }
  return value;
}

export { invalid as invalidParameters };

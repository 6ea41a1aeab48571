// The data every subject renders: the same seeded conversations, "now" fixed so the time
// column (today → time, last week → weekday, else date) is identical in every run.
import { generateConversations } from '../../../src/sdk/generate.ts';
import type { Conversation } from '../../../src/sdk/types.ts';

import { NOW } from './now.ts';

export { NOW };

export function benchData(n: number): Conversation[] {
  return generateConversations(n, { seed: 1, now: NOW });
}

export type { Conversation };

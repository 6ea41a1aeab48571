// convokit/testing: the adapter contract suite, runnable against any ChatAdapter with vitest.
// Kept out of the main entry because it imports vitest.
export { describeAdapterContract } from './testing/contract.js';
export type { ContractSubject } from './testing/contract.js';
export { createMemoryContractSubject } from './testing/memory.js';

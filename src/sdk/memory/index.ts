// The in-memory chat server and its adapters (no React). See server.ts for the semantics.
export { createMemoryAdapter, createMemoryChatServer } from './server.js';
export type {
  FaultInjector,
  IncomingMessage,
  MemoryChatAdapter,
  MemoryChatServer,
  MemoryChatServerOptions,
  MemoryHistory,
  MemoryOperation,
  MemoryServerCall,
} from './server.js';
export { describeCode } from './codes.js';
export { MAX_PAGE_SIZE } from './validate.js';

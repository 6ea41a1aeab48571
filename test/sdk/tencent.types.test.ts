// Type-level proof that apps can pass their real SDK instance, plus a check that the hard-coded
// event names and message types still match the SDK's enums. `import type` only for ChatSDK; the
// enum values are read from the runtime module here (tests may import it; src/ never does).
import type { ChatSDK } from '@tencentcloud/chat';
import TencentCloudChat from '@tencentcloud/chat';
import { createTencentChatAdapter, type TencentChatLike } from '../../src/sdk/tencent/index.js';
import * as C from '../../src/sdk/tencent/constants.js';
import { createFakeTencentChat, FakeTencentChat } from './fakes/fakeTencentChat.js';

describe('given the real @tencentcloud/chat typings', () => {
  it('a ChatSDK instance is assignable to TencentChatLike (checked by tsc)', () => {
    expectTypeOf<ChatSDK>().toExtend<TencentChatLike>();
    // The same as a plain typed assignment, which `tsc --noEmit` rejects if the shapes drift.
    const accept = (chat: TencentChatLike) => chat;
    const check = (real: ChatSDK) => createTencentChatAdapter(accept(real));
    expect(typeof check).toBe('function');
  });

  it('the fake web SDK is a TencentChatLike too', () => {
    expectTypeOf<FakeTencentChat>().toExtend<TencentChatLike>();
    expect(createTencentChatAdapter(createFakeTencentChat())).toBeTruthy();
  });

  it('hard-coded event names and types equal the SDK enums', () => {
    const T = TencentCloudChat as unknown as {
      EVENT: Record<string, string>;
      TYPES: Record<string, string>;
    };
    expect(C.EVENT_CONVERSATION_LIST_UPDATED).toBe(T.EVENT.CONVERSATION_LIST_UPDATED);
    expect(C.EVENT_TOTAL_UNREAD_MESSAGE_COUNT_UPDATED).toBe(T.EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED);
    expect([C.CONV_C2C, C.CONV_GROUP, C.CONV_TOPIC, C.CONV_SYSTEM]).toEqual([
      T.TYPES.CONV_C2C,
      T.TYPES.CONV_GROUP,
      T.TYPES.CONV_TOPIC,
      T.TYPES.CONV_SYSTEM,
    ]);
    expect([
      C.MSG_TEXT, C.MSG_IMAGE, C.MSG_AUDIO, C.MSG_FILE, C.MSG_FACE, C.MSG_VIDEO,
      C.MSG_LOCATION, C.MSG_GRP_TIP, C.MSG_GRP_SYS_NOTICE, C.MSG_CUSTOM, C.MSG_MERGER,
    ]).toEqual([
      T.TYPES.MSG_TEXT, T.TYPES.MSG_IMAGE, T.TYPES.MSG_AUDIO, T.TYPES.MSG_FILE, T.TYPES.MSG_FACE,
      T.TYPES.MSG_VIDEO, T.TYPES.MSG_LOCATION, T.TYPES.MSG_GRP_TIP, T.TYPES.MSG_GRP_SYS_NOTICE,
      T.TYPES.MSG_CUSTOM, T.TYPES.MSG_MERGER,
    ]);
  });
});

describe('given the adapter source', () => {
  it('never imports @tencentcloud/chat (an optional peer, never bundled)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    // jsdom's import.meta.url is not a file URL; vitest runs from the package root.
    const dir = join(process.cwd(), 'src/sdk/tencent');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/^(import|export)[^;]*['"]@tencentcloud\/|\bimport\(\s*['"]@tencentcloud|require\(/m);
    }
  });
});

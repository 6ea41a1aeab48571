// A fresh app that installs the packed tarball and uses only api.md's public names. The
// packaging check builds it with Vite and drives it in Chromium (test/e2e/packed-app.mjs).
import { createRoot } from 'react-dom/client';
import {
  ConversationList,
  createMemoryAdapter,
  createMemoryChatServer,
  generateConversations,
  type ChatAdapter,
  type Conversation,
  type ConversationListProps,
} from 'convokit';
import 'convokit/styles.css';

declare global {
  interface Window {
    opened: string[];
    server?: ReturnType<typeof createMemoryChatServer>;
  }
}
window.opened = [];

const scenario = new URLSearchParams(location.search).get('s') ?? 'default';
const conversations: Conversation[] = generateConversations(10_000, { seed: 1 });
const onConversationSelect = (c: Conversation) => window.opened.push(c.conversationID);

function one(adapter: ChatAdapter, props: Partial<ConversationListProps> = {}) {
  return (
    <div style={{ height: 640, width: 420 }}>
      <ConversationList adapter={adapter} onConversationSelect={onConversationSelect} {...props} />
    </div>
  );
}

let app;
switch (scenario) {
  case 'multi': {
    const server = (window.server = createMemoryChatServer({ conversations }));
    app = (
      <div style={{ display: 'flex', gap: 16 }}>
        <section id="phone">{one(server.connect(), { 'aria-label': 'Phone' } as object)}</section>
        <section id="laptop">{one(server.connect(), { 'aria-label': 'Laptop' } as object)}</section>
      </div>
    );
    break;
  }
  case 'partial': {
    // Every third conversation fails to delete with a network error.
    const failing = new Set(conversations.filter((_, i) => i % 3 === 1).map((c) => c.conversationID));
    const server = (window.server = createMemoryChatServer({
      conversations,
      injectFault: (op, id) => (op === 'deleteConversationList' && id && failing.has(id) ? 2800 : undefined),
    }));
    app = one(server.connect());
    break;
  }
  case 'keep':
    app = one(createMemoryAdapter({ conversations }), { clearHistory: 'never' });
    break;
  case 'rtl':
    app = one(createMemoryAdapter({ conversations }), { dir: 'rtl' });
    break;
  case 'zh':
    app = one(createMemoryAdapter({ conversations }), { locale: 'zh-CN' });
    break;
  case 'dark':
    app = one(createMemoryAdapter({ conversations }), { theme: 'dark' });
    break;
  default:
    app = one(createMemoryAdapter({ conversations }));
}

createRoot(document.getElementById('root')!).render(app);

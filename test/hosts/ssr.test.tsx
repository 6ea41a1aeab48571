// @vitest-environment node
/**
 * SSR (issue 7, Hosts): `renderToString` of the list in a plain Node environment (no window, no
 * document) renders without touching either, and the published entry is a client module.
 */
import { existsSync, readFileSync } from 'node:fs';
import { renderToString } from 'react-dom/server';
import { ConversationList } from '../../src/components/ConversationList/index.js';
import { createMemoryChatServer } from '../../src/sdk/memory/index.js';
import { generateConversations } from '../../src/sdk/generate.js';

describe('given a server render', () => {
  it('renders the list shell in Node without window or document', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const server = createMemoryChatServer({ conversations: generateConversations(50, { seed: 1, now: 0 }) });
    const html = renderToString(<ConversationList adapter={server.connect()} />);
    expect(html).toContain('role="grid"');
    expect(html).toContain('role="status"');
    expect(html).toContain('aria-label="Conversations"');
    // Nothing ran that belongs to the client: no listener, no fetch.
    expect(server.listenerCount()).toBe(0);
    expect(server.calls).toHaveLength(0);
  });

  it('renders every prop combination the server may see without throwing', () => {
    const adapter = createMemoryChatServer().connect();
    for (const props of [{ dir: 'rtl' as const }, { theme: 'dark' as const }, { locale: 'zh-CN' }, { clearHistory: 'never' as const }, { defaultSelectionMode: 'multiple' as const }]) {
      expect(() => renderToString(<ConversationList adapter={adapter} {...props} />)).not.toThrow();
    }
  });

  it("the build puts 'use client' on the entry (Next.js App Router)", () => {
    const config = readFileSync(new URL('../../vite.config.ts', import.meta.url), 'utf8');
    expect(config).toMatch(/banner:.*chunk\.name === 'index' \? "'use client';"/);
    const built = new URL('../../dist/index.js', import.meta.url);
    if (existsSync(built)) expect(readFileSync(built, 'utf8').split('\n')[0].trim()).toMatch(/^['"]use client['"];?$/);
  });
});

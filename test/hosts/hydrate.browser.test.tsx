/**
 * Hydration (issue 7, Hosts): server HTML of the list hydrates in Chromium without a mismatch
 * warning, and then comes alive (one listener, the first page).
 */
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { ConversationList } from '../../src/components/ConversationList/index.js';
import { createMemoryChatServer } from '../../src/sdk/memory/index.js';
import { people } from '../reliability/harness.js';
import '../../src/styles.css';

describe('given server HTML', () => {
  it('hydrates without a mismatch and then loads', async () => {
    const server = createMemoryChatServer({ conversations: people(6) });
    const adapter = server.connect();
    const app = (
      <div style={{ width: 400, height: 600, display: 'flex', flexDirection: 'column' }}>
        <ConversationList adapter={adapter} />
      </div>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(app);
    document.body.appendChild(container);
    const errors = vi.spyOn(console, 'error');
    const recoverable: unknown[] = [];
    const root = hydrateRoot(container, app, { onRecoverableError: (e) => recoverable.push(e) });
    try {
      await vi.waitFor(() => expect(container.querySelectorAll('[role="row"][data-id]')).toHaveLength(6));
      expect(recoverable).toEqual([]);
      const messages = errors.mock.calls.map((c) => String(c[0]));
      expect(messages.filter((m) => /hydrat|did not match|mismatch/i.test(m))).toEqual([]);
      expect(messages).toEqual([]);
      expect(server.listenerCount()).toBe(1);
      expect(container.querySelector('[role="status"]')).not.toBeNull();
    } finally {
      root.unmount();
      container.remove();
      errors.mockRestore();
    }
  });
});

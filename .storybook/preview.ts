import type { Preview } from '@storybook/react-vite';
import '../src/styles.css';

const preview: Preview = {
  parameters: {
    // axe runs on every story; any violation fails `npm test` (story-level exceptions are documented).
    a11y: { test: 'error' },
    layout: 'padded',
  },
};
export default preview;

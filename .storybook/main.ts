import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // react-docgen (not react-docgen-typescript) works with TypeScript 7 and reads our JSDoc.
  typescript: { reactDocgen: 'react-docgen' },
  core: { disableTelemetry: true },
};
export default config;

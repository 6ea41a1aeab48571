import type { Decorator, Preview } from '@storybook/react-vite';
import '../src/styles.css';
import './preview.css';

/** Theme, locale and direction switch in the toolbar; every list story reads them. */
const withPage: Decorator = (Story, context) => {
  const dark = context.globals.theme === 'dark';
  return (
    <div className="sb-page" data-dark={dark || undefined} dir={context.globals.dir}>
      <Story />
    </div>
  );
};

const preview: Preview = {
  decorators: [withPage],
  globalTypes: {
    theme: {
      description: 'convokit theme',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'convokit locale',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh-CN', title: '简体中文' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', dir: 'ltr' },
  parameters: {
    // axe runs on every story; any violation fails `npm test`. A story may carry a documented
    // exception in its own parameters.
    a11y: { test: 'error' },
    layout: 'fullscreen',
    controls: { expanded: true },
  },
};
export default preview;

export type { MessageKey, Messages, PluralKey, PluralMessage } from './messages.js';
export { en } from './en.js';
export { zhCN } from './zh-CN.js';
export {
  builtInMessages,
  createTranslator,
  describeError,
  describeErrors,
  formatAnnouncement,
  type MessageParams,
  type Translator,
} from './translator.js';
export { I18nProvider, tNodes, useI18n, useTranslator, type I18nProviderProps } from './react.js';

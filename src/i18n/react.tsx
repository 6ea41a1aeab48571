import { Fragment, createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Messages } from './messages.js';
import { createTranslator, type Translator } from './translator.js';

const I18nContext = createContext<Translator | null>(null);
let fallback: Translator | undefined;

export interface I18nProviderProps {
  /** BCP 47 locale; built in: `en`, `zh-CN`. Others use English strings with their own `Intl` formats.
   * @default 'en'
   */
  locale?: string;
  /** Overrides for any message.
   * @default undefined
   */
  messages?: Partial<Messages>;
  children?: ReactNode;
}

/** Provides a translator to the kit's parts below it. */
export function I18nProvider({ locale, messages, children }: I18nProviderProps) {
  const value = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The nearest provider's translator, or English without one. */
export function useI18n(): Translator {
  return useContext(I18nContext) ?? (fallback ??= createTranslator('en'));
}

/**
 * For a part that takes its own `locale`/`messages` props (a public standalone component): those
 * when given, else the provider's translator.
 */
export function useTranslator(locale?: string, messages?: Partial<Messages>): Translator {
  const inherited = useI18n();
  return useMemo(
    () => (locale || messages ? createTranslator(locale ?? inherited.locale, messages) : inherited),
    [inherited, locale, messages],
  );
}

/**
 * `t()` with React nodes for some placeholders, e.g. a name wrapped in `<bdi>` so it cannot
 * reorder the sentence around it. Returns a mixed array of strings and the given nodes.
 */
export function tNodes(
  t: Translator['t'],
  key: Parameters<Translator['t']>[0],
  params: Record<string, string | number | undefined>,
  nodes: Record<string, ReactNode>,
): ReactNode[] {
  const names = Object.keys(nodes);
  const marked: Record<string, string | number | undefined> = { ...params };
  names.forEach((name, i) => (marked[name] = `\u0000${i}\u0000`));
  return t(key, marked)
    .split('\u0000')
    .map((part, i) => (i % 2 ? <Fragment key={i}>{nodes[names[Number(part)]]}</Fragment> : part))
    .filter((part) => part !== '');
}

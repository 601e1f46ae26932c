import {en} from './builder-english.js';

/**
 * The embed builder's words in the reader's language. The builder is a page of
 * the project site, not part of the module partners load, so its strings are
 * kept out of locales/da.xlf (whose every string is bundled into the module):
 * translators work on locales/pages.da.xlf, and the build
 * (vite.config.ts, mode builder) puts its usable Danish here. The build stops on a
 * string without usable Danish (`npm run i18n:check`), so the English
 * stand-in below is for a development run only.
 */
declare const BUILDER_DANISH: Partial<Record<string, string>>;

export type StringKey = keyof typeof en;
export type UiLang = 'en' | 'da';

/** Both languages, for the tests. */
export const strings = {en, da: BUILDER_DANISH};

/** The string `key` in `lang`, with `{name}` placeholders filled in. */
export function text(lang: UiLang, key: StringKey, values: Record<string, string> = {}): string {
  return ((lang === 'da' && BUILDER_DANISH[key]) || en[key]).replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

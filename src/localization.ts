import {configureReentrantLocalization} from '@lit/localize/init/reentrant.js';
import {sourceLocale, targetLocales} from './generated/locale-codes.js';
import {templates as da} from './generated/locales/da.js';
import type {Lang} from '../shared/profile-types.js';

/**
 * Per-card UI language with @lit/localize.
 *
 * The ordinary runtime mode keeps ONE active locale per page and re-renders
 * every element when it changes, which cannot show a Danish and an English
 * card side by side. The reentrant mode asks `getLocale()` on every `msg()`
 * call instead, so each card sets its own language for the (synchronous)
 * duration of its render and `msg()` answers in that language. The Danish
 * templates are bundled and loaded synchronously: there is no second request
 * and no flash of English. The bundled copy of @lit/localize is private to this
 * module, so a host page that uses @lit/localize itself is not affected.
 */

const templates: Partial<Record<string, {templates: typeof da}>> = {da: {templates: da}};
let current: Lang = sourceLocale;

configureReentrantLocalization({
  sourceLocale,
  targetLocales: [...targetLocales],
  getLocale: () => current,
  loadLocaleSync: (locale) => templates[locale],
});

/** Runs `work` with `msg()` answering in `lang`; restores the previous language afterwards. */
export function inLang<T>(lang: Lang, work: () => T): T {
  const previous = current;
  current = lang;
  try {
    return work();
  } finally {
    current = previous;
  }
}

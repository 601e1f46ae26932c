import type {Lang, Paragraphs, Text} from './profile-types.js';

/** A profile text in the card's language, and whether English stood in for it. */
export interface Picked<T> {
  value: T;
  /** True when the card's language was missing and English is shown. */
  fallback: boolean;
}

/**
 * A profile text (or paragraphs) in the card's language, falling back to
 * English where the language is missing or empty.
 */
export function pick(text: Text, lang: Lang): Picked<string>;
export function pick(text: Paragraphs, lang: Lang): Picked<string[]>;
export function pick(text: Text | Paragraphs, lang: Lang): Picked<string | string[]> {
  if (typeof text === 'string') return {value: text, fallback: false};
  const own = text[lang];
  return own?.length ? {value: own, fallback: false} : {value: text.en, fallback: lang !== 'en'};
}

/**
 * Profile format v1: the shape of `partners/<id>.json`, after validation.
 * The published JSON Schema (`profile.schema.json`) is the contract for
 * authors; these types are what the element works with.
 */

import type {allLocales} from '../src/generated/locale-codes.js';

/**
 * Languages the card is translated into (from lit-localize.json). English is
 * the source and the fallback.
 */
export type Lang = (typeof allLocales)[number];

/** A string that is the same in every language, or one per language (`en` required). */
export type Text = string | ({en: string} & Partial<Record<Lang, string>>);

/** Plain-text paragraphs per language; `en` required. */
export type Paragraphs = {en: string[]} & Partial<Record<Lang, string[]>>;

export interface NumericFact {
  label: Text;
  value: number;
  /** ISO 4217 currency code: the value is an amount of money. */
  unit?: string;
  per?: 'year' | 'month';
  approximate?: boolean;
}

export interface TextFact {
  label: Text;
  text: Text;
}

export type Fact = NumericFact | TextFact;

export interface Logo {
  /** Relative to the profile file, or an absolute http(s) URL. */
  src: string;
  alt: Text;
  width: number;
  height: number;
}

export interface Organisation {
  name: Text;
  website?: string;
  description?: Paragraphs;
  facts?: Fact[];
}

export interface Profile {
  id: string;
  name: Text;
  shortName?: Text;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  logo?: Logo;
  website?: string;
  summary: Text;
  description?: Paragraphs;
  facts?: Fact[];
  organisations?: Organisation[];
}

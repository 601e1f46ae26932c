// Profile texts as XLIFF 1.2 translation units, for translators' own tools
// (the format of locales/da.xlf): one unit per translatable text of a
// profile, in the order the card shows them, with an id that names the
// partner and the JSON path, and a note that says where the text shows.
// Plain strings (the same in every language) are not units; a list of
// paragraphs is one unit per paragraph.
//
// Writing XLIFF and putting targets into a profile's JSON text need no Node
// imports: the translator preview runs this module in the browser too.
// Reading an XLIFF file is in import-profiles.mjs.
import {applyEdits, locate, nodeAt, setMember} from './json-positions.mjs';
import {escapeXml, writeXliff} from './xliff.mjs';

/** Top-level fields in the order the card shows them; organisations and facts likewise. */
const ORDER = ['name', 'shortName', 'logo', 'summary', 'description', 'facts', 'organisations'];
const NESTED_ORDER = ['name', 'label', 'text', 'alt', 'description', 'facts', 'website'];

/**
 * @typedef {{en: string | string[], da?: string | string[]}} Translatable
 * @typedef {{
 *   id: string, partner: string, path: string, segments: (string | number)[], paragraph?: number, paragraphs?: number,
 *   figure?: string, source: string, target: string, note: string
 * }} Unit
 */

/** @param {unknown} value @returns {value is Translatable} */
const isTranslatable = (value) => !!value && typeof value === 'object' && !Array.isArray(value) && 'en' in value;

const sorted = (/** @type {string[]} */ keys, /** @type {string[]} */ order) =>
  [...keys].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));

/** `$.facts[2].label` for segments. @param {(string | number)[]} segments */
export const jsonPath = (segments) => `$${segments.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}`;

/** Segments of a JSON path such as `$.organisations[1].description[0]`; undefined if it is not one. @param {string} path */
export function parsePath(path) {
  if (!/^\$(?:\.[A-Za-z_][\w]*|\[\d{1,4}\])*$/.test(path)) return undefined;
  return [...path.slice(1).matchAll(/\.([A-Za-z_]\w*)|\[(\d+)\]/g)].map((m) => {
    // One of the two groups matched: a member's name, or an index.
    const [, name, index] = /** @type {[string, string | undefined, string]} */ (/** @type {unknown} */ (m));
    return name ?? Number(index);
  });
}

const english = (/** @type {unknown} */ text) =>
  typeof text === 'string' ? text : isTranslatable(text) && typeof text.en === 'string' ? text.en : '';

/** Where each kind of text shows on the card, for the translator, in English (the XLIFF notes) and Danish (the preview). */
const WHERE = {
  en: {
    name: "The organisation's name: the card's heading, and the link text in lists of partners.",
    shortName: 'Short name or abbreviation, shown after the name and found by the search in lists.',
    'logo.alt': 'Text for screen readers in place of the logo (not shown): say what the logo is, e.g. "… logo".',
    summary:
      'The one-paragraph summary under the name. In lists (the compact card) only its first three lines show, about 180 characters: keep the start meaningful.',
    description: "{nth}The description, the full card's main text.",
    'facts.label': 'Label of a key figure, in small type under the number{figure}: keep it to a few words.',
    'facts.text': 'A key figure given as text instead of a number, in large type in a small tile: keep it short.',
    'organisations.name': "Name of a member organisation: a heading in the full card's Organisations section.",
    'organisations.description': '{nth}Description of a member organisation, under its name.',
    'organisations.facts.label':
      "Label of a member organisation's key figure, in small type under the number{figure}: keep it to a few words.",
    'organisations.facts.text': "A member organisation's key figure given as text, in large type in a small tile: keep it short.",
    other: '{nth}The field {field}.',
    nth: 'Paragraph {n} of {count}. ',
    figure: ' (the figure: {value})',
    length: 'The English has {length} characters.',
  },
  da: {
    name: 'Organisationens navn: kortets overskrift og linkteksten i lister over partnere.',
    shortName: 'Forkortelse eller kort navn, vist efter navnet og fundet af søgningen i lister.',
    'logo.alt': 'Tekst til skærmlæsere i stedet for logoet (vises ikke): sig, hvad logoet er, fx “… logo”.',
    summary:
      'Resuméet under navnet. I lister (det kompakte kort) vises kun de første tre linjer, omkring 180 tegn: gør begyndelsen meningsfuld.',
    description: '{nth}Beskrivelsen, det fulde korts hovedtekst.',
    'facts.label': 'Betegnelse for et nøgletal, med lille skrift under tallet{figure}: hold den på få ord.',
    'facts.text': 'Et nøgletal angivet som tekst i stedet for et tal, med stor skrift i en lille boks: hold det kort.',
    'organisations.name': 'Navn på en medlemsorganisation: en overskrift i det fulde korts afsnit Organisationer.',
    'organisations.description': '{nth}Beskrivelse af en medlemsorganisation under dens navn.',
    'organisations.facts.label':
      'Betegnelse for en medlemsorganisations nøgletal, med lille skrift under tallet{figure}: hold den på få ord.',
    'organisations.facts.text': 'En medlemsorganisations nøgletal angivet som tekst, med stor skrift i en lille boks: hold det kort.',
    other: '{nth}Feltet {field}.',
    nth: 'Afsnit {n} af {count}. ',
    figure: ' (tallet: {value})',
    length: 'Den engelske tekst har {length} tegn.',
  },
};

const fill = (/** @type {string} */ template, /** @type {Partial<Record<string, string | number>>} */ values) =>
  template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));

/**
 * Where a text shows on the card and how long its English is, for the translator.
 * @param {Unit} unit @param {'en' | 'da'} [lang]
 */
export function hint(unit, lang = 'en') {
  const words = WHERE[lang];
  const field = unit.segments.filter((s) => typeof s === 'string').join('.');
  const nth = unit.paragraph === undefined ? '' : fill(words.nth, {n: unit.paragraph + 1, count: unit.paragraphs ?? 1});
  const figure = unit.figure ? fill(words.figure, {value: unit.figure}) : '';
  const where = fill(/** @type {Partial<Record<string, string>>} */ (words)[field] ?? words.other, {nth, figure, field});
  return `${where} ${fill(words.length, {length: Array.from(unit.source).length})}`;
}

/**
 * The translation units of one profile, in the order the card shows its texts.
 * @param {any} profile a valid profile
 * @param {string} lang the target language, e.g. `da`
 * @returns {Unit[]}
 */
export function profileUnits(profile, lang = 'da') {
  /** @type {Unit[]} */
  const units = [];
  const partner = String(profile.id);
  const partnerName = english(profile.name);
  /** @param {unknown} value @param {(string | number)[]} segments @param {any} parent */
  const walk = (value, segments, parent) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, [...segments, i], value);
      });
      return;
    }
    if (!value || typeof value !== 'object') return;
    if (isTranslatable(value)) {
      const path = jsonPath(segments);
      const own = value[/** @type {'da'} */ (lang)];
      const add = (
        /** @type {string} */ source,
        /** @type {unknown} */ target,
        /** @type {number | undefined} */ paragraph,
        /** @type {number} */ count,
      ) => {
        const unitPath = paragraph === undefined ? path : `${path}[${paragraph}]`;
        const figure =
          parent && typeof parent.value === 'number'
            ? `${parent.value}${parent.unit ? ` ${parent.unit}` : ''}${parent.per ? ` a ${parent.per}` : ''}${parent.approximate ? ', approximately' : ''}`
            : undefined;
        /** @type {Unit} */
        const unit = {
          id: `${partner}:${unitPath}`,
          partner,
          path: unitPath,
          segments,
          ...(paragraph !== undefined && {paragraph, paragraphs: count}),
          ...(figure && {figure}),
          source,
          target: typeof target === 'string' ? target : '',
          note: '',
        };
        unit.note = `${partnerName} (${partner}), ${unitPath}. ${hint(unit)}`;
        units.push(unit);
      };
      if (Array.isArray(value.en))
        value.en.forEach((p, i) => {
          add(p, Array.isArray(own) ? own[i] : undefined, i, value.en.length);
        });
      else add(value.en, own, undefined, 1);
      return;
    }
    const keys = segments.length ? sorted(Object.keys(value), NESTED_ORDER) : sorted(Object.keys(value), ORDER);
    for (const key of keys) walk(/** @type {Record<string, unknown>} */ (value)[key], [...segments, key], value);
  };
  walk(profile, [], undefined);
  return units;
}

/**
 * A short fingerprint of the English a unit was exported with, kept in the unit's
 * `extradata` (an XLIFF 1.2 attribute tools carry along), so the import can tell an
 * English edited in the file from an English the partner changed since the export.
 * FNV-1a over the UTF-16 code units: this module also runs in the browser.
 * @param {string} text
 */
export function englishMark(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `en:${hash.toString(16).padStart(8, '0')}`;
}

/** Characters XML 1.0 cannot carry at all (most control characters, lone surrogates). */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * One XLIFF 1.2 document with a `<file>` per profile. `stale` names the unit
 * ids whose Danish was made from an older English: their targets are marked
 * `needs-review-translation`, as translation tools expect.
 * @param {{file: string, profile: any}[]} profiles
 * @param {{lang?: string, stale?: Set<string>}} [options]
 */
export function exportXliff(profiles, {lang = 'da', stale = new Set()} = {}) {
  const files = profiles.map(({file, profile}) => ({
    /** @type {[string, string][]} */
    attributes: [
      ['original', file],
      ['datatype', 'plaintext'],
      ['source-language', 'en'],
      ['target-language', lang],
    ],
    units: profileUnits(profile, lang).map((unit) => {
      const bad = [unit.source, unit.target].find((t) => NOT_XML.test(t));
      if (bad !== undefined)
        throw new Error(`${file}: ${unit.path} holds a character XML cannot carry (a control character): fix the profile first`);
      /** @type {import('./xliff.mjs').WriteUnit} */
      const written = {
        attributes: [
          ['id', unit.id],
          ['extradata', englishMark(unit.source)],
          ['xml:space', 'preserve'],
        ],
        source: escapeXml(unit.source),
        notes: [{from: 'partner-card', text: unit.note}],
      };
      if (unit.target) {
        written.target = escapeXml(unit.target);
        const current = !stale.has(unit.id);
        written.targetAttributes = [['state', current ? 'translated' : 'needs-review-translation']];
        // Translation platforms (translate-toolkit, and Weblate and Pootle on it) count a unit as
        // translated only when it is approved; Danish made from an older English is for review.
        if (current) written.attributes.push(['approved', 'yes']);
      }
      return written;
    }),
  }));
  return writeXliff(files);
}

/**
 * Puts Danish texts into a profile's JSON text and changes nothing else:
 * other fields, key order and the file's layout stay. `texts` maps a unit
 * path (`$.summary`, `$.description[2]`) to its Danish. A list of paragraphs
 * gets its Danish only when every paragraph has one (from `texts` or already
 * in the file); the paths of lists still waiting for some are returned.
 * @param {string} json the profile file's text
 * @param {Map<string, string>} texts
 * @param {string} [lang]
 * @returns {{json: string, waiting: string[]}}
 */
export function withTranslations(json, texts, lang = 'da') {
  const profile = JSON.parse(json);
  const root = locate(json);
  /** @type {Map<string, {segments: (string | number)[], paragraphs: Map<number, string>}>} */
  const lists = new Map();
  /** @type {import('./json-positions.mjs').Edit[]} */
  const edits = [];
  for (const [path, text] of texts) {
    const segments = parsePath(path);
    if (!segments) throw new Error(`${path} is not a JSON path`);
    const holder = valueAt(profile, segments.slice(0, -1));
    const last = segments.at(-1);
    if (typeof last === 'number' && isTranslatable(holder) && Array.isArray(holder.en)) {
      const key = jsonPath(segments.slice(0, -1));
      const list = lists.get(key) ?? {segments: segments.slice(0, -1), paragraphs: new Map()};
      list.paragraphs.set(last, text);
      lists.set(key, list);
      continue;
    }
    const node = nodeAt(root, segments);
    if (!isTranslatable(valueAt(profile, segments)) || !node) throw new Error(`${path} is not a text of this profile`);
    edits.push(setMember(json, node, lang, text));
  }
  /** @type {string[]} */
  const waiting = [];
  for (const [path, {segments, paragraphs}] of lists) {
    const value = /** @type {{en: string[], da?: unknown}} */ (valueAt(profile, segments));
    const own = Array.isArray(value[/** @type {'da'} */ (lang)]) ? /** @type {string[]} */ (value[/** @type {'da'} */ (lang)]) : [];
    const merged = value.en.map((_, i) => paragraphs.get(i) ?? own[i]);
    if (merged.some((p) => typeof p !== 'string' || !p)) {
      waiting.push(path);
      continue;
    }
    const node = /** @type {import('./json-positions.mjs').JsonNode} */ (nodeAt(root, segments));
    const ownNode = nodeAt(root, [...segments, lang]);
    if (ownNode?.kind === 'array' && ownNode.items.length === merged.length) {
      merged.forEach((p, i) => {
        if (p !== own[i]) edits.push({start: ownNode.items[i].start, end: ownNode.items[i].end, text: JSON.stringify(p)});
      });
    } else {
      edits.push(setMember(json, node, lang, merged, nodeAt(root, [...segments, 'en'])));
    }
  }
  return {json: applyEdits(json, edits), waiting};
}

/** @param {unknown} value @param {(string | number)[]} segments @returns {any} */
export function valueAt(value, segments) {
  let at = /** @type {any} */ (value);
  for (const s of segments) at = at == null ? undefined : at[s];
  return at;
}

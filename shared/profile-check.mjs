// Checks a profile against the published JSON Schema and explains each problem
// in plain words, for translators and site maintainers (not for the card: the
// card has its own small validator). It interprets the schema itself, so the
// two cannot disagree; it knows the keywords that schema uses and refuses any
// other, so a schema change cannot be silently ignored.
// No Node imports: the translator preview loads it in the browser too.

const KNOWN = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  'title',
  'description',
  'type',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'pattern',
  'maxLength',
  'minimum',
  'enum',
  'oneOf',
]);

/**
 * The part of JSON Schema this checker reads (the keywords in KNOWN), as the schema file holds it.
 * @typedef {{
 *   $ref?: string,
 *   $defs?: Partial<Record<string, Schema>>,
 *   description?: string,
 *   type?: keyof typeof TYPE_WORDS,
 *   required?: string[],
 *   properties?: Partial<Record<string, Schema>>,
 *   additionalProperties?: Schema,
 *   items?: Schema,
 *   minItems?: number,
 *   maxItems?: number,
 *   minLength?: number,
 *   maxLength?: number,
 *   pattern?: string,
 *   minimum?: number,
 *   enum?: unknown[],
 *   oneOf?: Schema[],
 * }} SchemaNode
 * @typedef {SchemaNode | boolean} Schema
 * @typedef {{path: string, message: string, words: Words, about: string}} Problem a problem in English (`message`), and as
 *   words to say in another language, followed by the schema's description of the field (`about`, English)
 */

/**
 * The checker's words, in English: the command line prints them; the
 * translator preview shows them in its reader's language, translated with the
 * page's own words (locales/pages.<lang>.xlf). `{name}` is filled from the
 * problem's values. The schema's own descriptions of each field, which follow
 * a problem, stay English: they are the schema's documentation (editors show
 * them too) and are written once.
 */
export const CHECK_WORDS = {
  checkNotHere: 'should not be here: remove it.',
  checkAmbiguous: 'fits more than one form; make it clearer.',
  checkNotAllowed: 'is {value}, which is not allowed here.',
  checkType: 'should be {type}, but is {value}.',
  checkEnum: 'is {value}; it must be one of {choices}.',
  checkOr: 'or',
  checkEmpty: 'is empty.',
  checkTooLong: 'is {length} characters long; at most {max} are allowed.',
  checkNoFit: 'is {value}, which does not fit.',
  checkMinimum: 'is {value}; it must be at least {min}.',
  checkMinItems: 'needs at least {min} item(s).',
  checkMaxItems: 'has {length} items; at most {max} are allowed.',
  checkMissing: 'is missing: add "{key}".',
  typeObject: 'an object in braces {…}',
  typeArray: 'a list in brackets […]',
  typeString: 'a text in quotes',
  typeNumber: 'a number (without quotes)',
  typeInteger: 'a whole number (without quotes)',
  typeBoolean: 'true or false (without quotes)',
  jsonInvalid:
    'The file is not valid JSON: {expected} at line {line}, column {column}. Look for a missing comma, quote or bracket there or just before.',
  jsonLiteral: 'expected {word}',
  jsonName: 'expected a "quoted" name or text',
  jsonLineEnd: 'a text must end with " on the same line',
  jsonUnclosed: 'a text is not closed with "',
  jsonCommaBrace: 'a comma too many before }',
  jsonColon: 'expected : after the name',
  jsonFieldEnd: 'expected , or } (a comma between fields?)',
  jsonCommaBracket: 'a comma too many before ]',
  jsonItemEnd: 'expected , or ] (a comma between items?)',
  jsonEnds: 'the text ends too early',
  jsonUnexpected: 'unexpected {char}',
  jsonAfterEnd: 'unexpected text after the end',
  jsonUnknown: 'something is wrong',
};

/** @typedef {keyof typeof CHECK_WORDS} CheckKey */
/**
 * A sentence as a key of CHECK_WORDS and the values for its placeholders; a
 * value may itself be words, or a list of choices (joined with "or").
 * @typedef {{key: CheckKey, values?: Partial<Record<string, string | number | string[] | Words>>}} Words
 */
/** @typedef {(key: CheckKey, values: Partial<Record<string, string | number>>) => string} SayWords */

/** @type {SayWords} */
const english = (key, values) => CHECK_WORDS[key].replace(/\{(\w+)\}/g, (whole, name) => String(values[name] ?? whole));

/**
 * `words` as a sentence, by `say` (English unless given).
 * @param {Words} words @param {SayWords} [say] @returns {string}
 */
export function inWords({key, values = {}}, say = english) {
  /** @type {Partial<Record<string, string | number>>} */
  const filled = {};
  for (const [name, value] of Object.entries(values)) {
    filled[name] =
      value === undefined || typeof value !== 'object'
        ? value
        : Array.isArray(value)
          ? value.join(` ${say('checkOr', {})} `)
          : inWords(value, say);
  }
  return say(key, filled);
}

/** JSON Schema's type names, as CHECK_WORDS says them. */
const TYPE_WORDS = /** @satisfies {Record<string, CheckKey>} */ ({
  object: 'typeObject',
  array: 'typeArray',
  string: 'typeString',
  number: 'typeNumber',
  integer: 'typeInteger',
  boolean: 'typeBoolean',
});

/** @param {Problem[]} out @param {string} path @param {Words} words @param {string} [about] */
const add = (out, path, words, about = '') => {
  out.push({path, message: `${inWords(words)}${about && ` ${about}`}`, words, about});
  return out;
};
/**
 * `properties[key]` when it is the schema's own, else undefined (never Object.prototype's).
 * @param {Partial<Record<string, Schema>> | undefined} properties @param {string} key @returns {Schema | undefined}
 */
const ownProperty = (properties, key) => (properties && Object.hasOwn(properties, key) ? properties[key] : undefined);
/** @param {unknown} v */
const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
/** @param {string} type @param {unknown} v */
const fits = (type, v) => type === typeOf(v) || (type === 'number' && typeof v === 'number');
/** @param {unknown} v */
const shown = (v) => {
  // JSON.stringify answers undefined for undefined (and functions), whatever its type says.
  const stringified = /** @type {unknown} */ (JSON.stringify(v));
  const json = typeof stringified === 'string' ? stringified : 'undefined';
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
};

/**
 * Problems of `value` against `schema`, each `{path, message}` with a JSON path
 * such as `$.facts[2].label` and a sentence in plain English.
 * @param {unknown} value
 * @param {SchemaNode} schema
 * @returns {Problem[]}
 */
export function checkProfile(value, schema) {
  /** @type {Problem[]} */
  const problems = [];
  /** @param {SchemaNode} node @returns {SchemaNode} */
  const resolve = (node) => {
    for (const key of Object.keys(node)) {
      if (!KNOWN.has(key)) throw new Error(`profile-check does not know the schema keyword "${key}"`);
    }
    if (!node.$ref) return node;
    const target = resolve(lookup(schema, node.$ref));
    // Both descriptions help: what the field is for, and the rule it follows.
    const description = [node.description, target.description].filter(Boolean).join(' ');
    return {...target, ...withoutRef(node), ...(description && {description})};
  };
  /** @param {unknown} v @param {Schema} node @param {string} path @param {Problem[]} out @returns {Problem[]} */
  const visit = (v, node, path, out) => {
    if (node === false) return add(out, path, {key: 'checkNotHere'});
    if (node === true) return out;
    node = resolve(node);
    const about = node.description ?? '';
    if (node.oneOf) {
      const branches = node.oneOf;
      const tries = branches.map((branch) => visit(v, branch, path, []));
      const passing = tries.filter((problems) => problems.length === 0).length;
      if (passing === 1) return out;
      if (passing > 1) return add(out, path, {key: 'checkAmbiguous'}, about);
      // Explain against the form it comes closest to; say what the forms are.
      const sameType = tries.filter((_, i) => {
        const {type} = resolve(asNode(branches[i]));
        return !type || fits(type, v);
      });
      if (sameType.length === 0) return add(out, path, {key: 'checkNotAllowed', values: {value: shown(v)}}, about);
      const closest = sameType.reduce((best, t) => (t.length < best.length ? t : best));
      out.push(...closest);
      return out;
    }
    if (node.type && !fits(node.type, v)) {
      return add(out, path, {key: 'checkType', values: {type: {key: TYPE_WORDS[node.type]}, value: shown(v)}}, about);
    }
    if (node.enum && !node.enum.includes(v)) {
      add(out, path, {key: 'checkEnum', values: {value: shown(v), choices: node.enum.map(shown)}}, about);
    }
    if (typeof v === 'string') {
      if (node.minLength !== undefined && v.length < node.minLength) add(out, path, {key: 'checkEmpty'}, about);
      if (node.maxLength !== undefined && v.length > node.maxLength) {
        add(out, path, {key: 'checkTooLong', values: {length: v.length, max: node.maxLength}}, about);
      }
      if (node.pattern && !new RegExp(node.pattern, 'u').test(v)) {
        add(out, path, v.trim() ? {key: 'checkNoFit', values: {value: shown(v)}} : {key: 'checkEmpty'}, about);
      }
    }
    if (typeof v === 'number' && node.minimum !== undefined && v < node.minimum) {
      add(out, path, {key: 'checkMinimum', values: {value: v, min: node.minimum}}, about);
    }
    if (Array.isArray(v)) {
      if (node.minItems !== undefined && v.length < node.minItems) {
        add(out, path, {key: 'checkMinItems', values: {min: node.minItems}}, about);
      }
      if (node.maxItems !== undefined && v.length > node.maxItems) {
        add(out, path, {key: 'checkMaxItems', values: {length: v.length, max: node.maxItems}}, about);
      }
      const items = node.items;
      if (items !== undefined) v.forEach((item, i) => visit(item, items, `${path}[${i}]`, out));
    }
    if (typeOf(v) === 'object') {
      const object = /** @type {Record<string, unknown>} */ (v);
      for (const key of node.required ?? []) {
        if (!Object.hasOwn(object, key)) {
          const property = ownProperty(node.properties, key);
          const field = property ? resolve(asNode(property)).description : '';
          add(out, `${path}.${key}`, {key: 'checkMissing', values: {key}}, field);
        }
      }
      for (const [key, item] of Object.entries(object)) {
        // Own properties only: a key such as "constructor" would otherwise find Object's own, and pass as a rule that checks nothing.
        const rule = ownProperty(node.properties, key) ?? node.additionalProperties;
        if (rule !== undefined) visit(item, rule, `${path}.${key}`, out);
      }
    }
    return out;
  };
  visit(value, schema, '$', problems);
  return problems;
}

/**
 * Parses JSON text; a syntax error comes back with its line and column.
 * Browsers word (and place) JSON.parse errors differently, and WebKit gives no
 * place at all, so the place is found by a small scanner of our own.
 * @param {string} text
 */
export function parseProfile(text) {
  try {
    return {value: JSON.parse(text)};
  } catch {
    const {at, expected} = locateJsonError(text);
    const before = text.slice(0, at).split('\n');
    const line = before.length;
    const column = (before.at(-1) ?? '').length + 1;
    /** @type {Words} */
    const words = {key: 'jsonInvalid', values: {expected, line, column}};
    return {error: {line, column, message: inWords(words), words}};
  }
}

/** Where a JSON text goes wrong: thrown by locateJsonError's reader, caught by it. */
class JsonMistake extends Error {
  /** @param {number} at @param {Words} expected */
  constructor(at, expected) {
    super(inWords(expected));
    this.at = at;
    this.expected = expected;
  }
}

/** Where a JSON text first goes wrong, and what was expected there. @param {string} text @returns {{at: number, expected: Words}} */
export function locateJsonError(text) {
  let i = 0;
  /** @param {CheckKey} key @param {Words['values']} [values] @returns {never} */
  const fail = (key, values) => {
    throw new JsonMistake(i, {key, values});
  };
  const space = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const literal = (/** @type {string} */ word) => (text.startsWith(word, i) ? (i += word.length) : fail('jsonLiteral', {word}));
  const string = () => {
    if (text[i] !== '"') fail('jsonName');
    for (i++; i < text.length && text[i] !== '"'; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '\n') fail('jsonLineEnd');
    }
    if (i >= text.length) fail('jsonUnclosed');
    i++;
  };
  const value = () => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return i++;
      for (;;) {
        space();
        if (text[i] === '}') fail('jsonCommaBrace');
        string();
        space();
        if (text[i] !== ':') fail('jsonColon');
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++;
        else fail('jsonFieldEnd');
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return i++;
      for (;;) {
        space();
        if (text[i] === ']') fail('jsonCommaBracket');
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++;
        else fail('jsonItemEnd');
      }
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    const number = text.slice(i).match(/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/);
    if (number) return (i += number[0].length);
    if (i >= text.length) fail('jsonEnds');
    fail('jsonUnexpected', {char: JSON.stringify(c)});
  };
  try {
    value();
    space();
    if (i < text.length) fail('jsonAfterEnd');
  } catch (error) {
    if (error instanceof JsonMistake) return {at: error.at, expected: error.expected};
    throw error;
  }
  return {at: text.length, expected: {key: 'jsonUnknown'}};
}

/** The schema node a local `$ref` (`#/$defs/text`) names. @param {SchemaNode} schema @param {string} ref @returns {SchemaNode} */
function lookup(schema, ref) {
  if (!ref.startsWith('#/')) throw new Error(`profile-check only follows local references, not ${ref}`);
  /** @type {unknown} */
  let node = schema;
  for (const key of ref.slice(2).split('/')) node = /** @type {Record<string, unknown>} */ (node)[key];
  return /** @type {SchemaNode} */ (node);
}

/** A boolean schema (`true`: anything, `false`: nothing) has no keywords to read. @param {Schema} schema @returns {SchemaNode} */
const asNode = (schema) => (typeof schema === 'boolean' ? {} : schema);

/** @param {SchemaNode} node */
function withoutRef(node) {
  const rest = {...node};
  delete rest.$ref;
  return rest;
}

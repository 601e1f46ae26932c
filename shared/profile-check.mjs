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
 * @typedef {{path: string, message: string}} Problem
 */

const TYPE_WORDS = {
  object: 'an object in braces {…}',
  array: 'a list in brackets […]',
  string: 'a text in quotes',
  number: 'a number (without quotes)',
  integer: 'a whole number (without quotes)',
  boolean: 'true or false (without quotes)',
};

/** @param {Problem[]} out @param {string} path @param {string} message */
const add = (out, path, message) => {
  out.push({path, message});
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
    if (node === false) return add(out, path, 'should not be here: remove it.');
    if (node === true) return out;
    node = resolve(node);
    const about = node.description ? ` ${node.description}` : '';
    if (node.oneOf) {
      const branches = node.oneOf;
      const tries = branches.map((branch) => visit(v, branch, path, []));
      const passing = tries.filter((problems) => problems.length === 0).length;
      if (passing === 1) return out;
      if (passing > 1) return add(out, path, `fits more than one form; make it clearer.${about}`);
      // Explain against the form it comes closest to; say what the forms are.
      const sameType = tries.filter((_, i) => {
        const {type} = resolve(asNode(branches[i]));
        return !type || fits(type, v);
      });
      if (sameType.length === 0) return add(out, path, `is ${shown(v)}, which is not allowed here.${about}`);
      const closest = sameType.reduce((best, t) => (t.length < best.length ? t : best));
      out.push(...closest);
      return out;
    }
    if (node.type && !fits(node.type, v)) {
      return add(out, path, `should be ${TYPE_WORDS[node.type]}, but is ${shown(v)}.${about}`);
    }
    if (node.enum && !node.enum.includes(v)) {
      out.push({path, message: `is ${shown(v)}; it must be one of ${node.enum.map(shown).join(' or ')}.${about}`});
    }
    if (typeof v === 'string') {
      if (node.minLength !== undefined && v.length < node.minLength) {
        out.push({path, message: `is empty.${about}`});
      }
      if (node.maxLength !== undefined && v.length > node.maxLength) {
        out.push({path, message: `is ${v.length} characters long; at most ${node.maxLength} are allowed.${about}`});
      }
      if (node.pattern && !new RegExp(node.pattern, 'u').test(v)) {
        out.push({path, message: v.trim() ? `is ${shown(v)}, which does not fit.${about}` : `is empty.${about}`});
      }
    }
    if (typeof v === 'number' && node.minimum !== undefined && v < node.minimum) {
      out.push({path, message: `is ${v}; it must be at least ${node.minimum}.${about}`});
    }
    if (Array.isArray(v)) {
      if (node.minItems !== undefined && v.length < node.minItems) {
        out.push({path, message: `needs at least ${node.minItems} item(s).${about}`});
      }
      if (node.maxItems !== undefined && v.length > node.maxItems) {
        out.push({path, message: `has ${v.length} items; at most ${node.maxItems} are allowed.${about}`});
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
          out.push({path: `${path}.${key}`, message: `is missing: add "${key}".${field ? ` ${field}` : ''}`});
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
    const {at, expected} = /** @type {{at: number, expected: string}} */ (locateJsonError(text));
    const before = text.slice(0, at).split('\n');
    const line = before.length;
    const column = (before.at(-1) ?? '').length + 1;
    return {
      error: {
        line,
        column,
        message: `The file is not valid JSON: ${expected} at line ${line}, column ${column}. Look for a missing comma, quote or bracket there or just before.`,
      },
    };
  }
}

/** Where a JSON text goes wrong: thrown by locateJsonError's reader, caught by it. */
class JsonMistake extends Error {
  /** @param {number} at @param {string} expected */
  constructor(at, expected) {
    super(expected);
    this.at = at;
    this.expected = expected;
  }
}

/** Where a JSON text first goes wrong, and what was expected there. @param {string} text */
export function locateJsonError(text) {
  let i = 0;
  /** @param {string} expected @returns {never} */
  const fail = (expected) => {
    throw new JsonMistake(i, expected);
  };
  const space = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const literal = (/** @type {string} */ word) => (text.startsWith(word, i) ? (i += word.length) : fail(`expected ${word}`));
  const string = () => {
    if (text[i] !== '"') fail('expected a "quoted" name or text');
    for (i++; i < text.length && text[i] !== '"'; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '\n') fail('a text must end with " on the same line');
    }
    if (i >= text.length) fail('a text is not closed with "');
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
        if (text[i] === '}') fail('a comma too many before }');
        string();
        space();
        if (text[i] !== ':') fail('expected : after the name');
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++;
        else fail('expected , or } (a comma between fields?)');
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return i++;
      for (;;) {
        space();
        if (text[i] === ']') fail('a comma too many before ]');
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++;
        else fail('expected , or ] (a comma between items?)');
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
    fail(i >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(c)}`);
  };
  try {
    value();
    space();
    if (i < text.length) fail('unexpected text after the end');
  } catch (error) {
    if (error instanceof JsonMistake) return {at: error.at, expected: error.expected};
    throw error;
  }
  return {at: text.length, expected: 'something is wrong'};
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

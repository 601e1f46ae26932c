// Changing values inside a JSON file without rewriting it: every value and
// member is located by its character offsets, and an edit replaces or inserts
// text there, in the file's own style (indentation, spacing, one line or
// many). Everything else stays byte for byte. No Node imports: the translator
// preview uses it in the browser too.

/**
 * @typedef {{kind: 'object', start: number, end: number, members: Member[]}
 *   | {kind: 'array', start: number, end: number, items: JsonNode[]}
 *   | {kind: 'value', start: number, end: number}} JsonNode
 * @typedef {{key: string, keyStart: number, value: JsonNode}} Member
 * @typedef {{start: number, end: number, text: string}} Edit
 */

/**
 * The positions of every value in `text`, which must be valid JSON
 * (JSON.parse it first for a good error message).
 * @param {string} text
 * @returns {JsonNode}
 */
export function locate(text) {
  let i = 0;
  const space = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const string = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return {start, end: i};
  };
  /** @returns {JsonNode} */
  const value = () => {
    space();
    const start = i;
    if (text[i] === '{') {
      i++;
      /** @type {Member[]} */
      const members = [];
      space();
      while (text[i] !== '}') {
        const key = string();
        space();
        i++; // :
        members.push({key: JSON.parse(text.slice(key.start, key.end)), keyStart: key.start, value: value()});
        space();
        if (text[i] === ',') i++;
        space();
      }
      i++;
      return {kind: 'object', start, end: i, members};
    }
    if (text[i] === '[') {
      i++;
      /** @type {JsonNode[]} */
      const items = [];
      space();
      while (text[i] !== ']') {
        items.push(value());
        space();
        if (text[i] === ',') i++;
        space();
      }
      i++;
      return {kind: 'array', start, end: i, items};
    }
    if (text[i] === '"') return {kind: 'value', ...string()};
    while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
    return {kind: 'value', start, end: i};
  };
  return value();
}

/** The indentation of the line `offset` is on. @param {string} text @param {number} offset */
const indentAt = (text, offset) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))?.[0] ?? '';

/** Whether a container is written over several lines. @param {string} text @param {JsonNode} node */
const multiline = (text, node) => text.slice(node.start, node.end).includes('\n');

/**
 * A JSON value for `value`, laid out like `model` (an array on one line or
 * one item a line, as the English beside it is).
 * @param {string} text @param {unknown} value @param {JsonNode} [model]
 */
function serialise(text, value, model) {
  if (!Array.isArray(value)) return JSON.stringify(value);
  if (model?.kind === 'array' && multiline(text, model) && model.items.length) {
    const itemIndent = indentAt(text, model.items[0].start);
    const closeIndent = indentAt(text, model.end - 1);
    return `[\n${value.map((v) => `${itemIndent}${JSON.stringify(v)}`).join(',\n')}\n${closeIndent}]`;
  }
  const separator = model?.kind === 'array' && model.items.length > 1 ? text.slice(model.items[0].end, model.items[1].start) : ', ';
  return `[${value.map((v) => JSON.stringify(v)).join(separator)}]`;
}

/**
 * The edit that gives `object` the member `key` with `value`: its value
 * replaced when the member exists, else the member added after the last one
 * in the object's style. Array values are laid out like `model`.
 * @param {string} text @param {JsonNode} object @param {string} key @param {unknown} value @param {JsonNode} [model]
 * @returns {Edit}
 */
export function setMember(text, object, key, value, model) {
  if (object.kind !== 'object') throw new Error('not an object');
  const member = object.members.find((m) => m.key === key);
  if (member) return {start: member.value.start, end: member.value.end, text: serialise(text, value, model)};
  const last = object.members.at(-1);
  if (!last) return {start: object.start + 1, end: object.start + 1, text: `${JSON.stringify(key)}: ${serialise(text, value, model)}`};
  // Between the last key and its value: `": "` or `":"`, as the file writes it.
  const colon = text.slice(last.keyStart + JSON.stringify(last.key).length, last.value.start);
  const lead =
    multiline(text, object) && text.slice(object.start, last.keyStart).includes('\n') ? `,\n${indentAt(text, last.keyStart)}` : ', ';
  return {start: last.value.end, end: last.value.end, text: `${lead}${JSON.stringify(key)}${colon}${serialise(text, value, model)}`};
}

/** `text` with `edits` (at distinct places) applied. @param {string} text @param {Edit[]} edits */
export function applyEdits(text, edits) {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** The node at `segments` (member names and item indexes) under `node`. @param {JsonNode} node @param {(string | number)[]} segments */
export function nodeAt(node, segments) {
  /** @type {JsonNode | undefined} */
  let at = node;
  for (const segment of segments) {
    if (at?.kind === 'object' && typeof segment === 'string') at = at.members.find((m) => m.key === segment)?.value;
    else if (at?.kind === 'array' && typeof segment === 'number') at = at.items[segment];
    else return undefined;
  }
  return at;
}

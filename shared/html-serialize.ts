/**
 * HTML serialised by the HTML standard's rules as browsers apply them since
 * 2025 (`<` and `>` escaped in attribute values too), the same in Node and in
 * every browser: the prerenderer writes a card's shadow root with it, and the
 * embed builder writes the same card with it, so the code a partner copies is
 * byte for byte the prerenderer's. Comments are left out: the only ones in a
 * drawn card are Lit's markers. It reads nodes through `TreeReader`, so one
 * rule serves parse5's tree and the DOM alike.
 */

import {escapeAttribute, escapeText} from './html-escape.mjs';

export interface TreeReader<N> {
  children(node: N): Iterable<N>;
  /** `element` (with its local name and attributes), `text` or anything else (left out). */
  kind(node: N): 'element' | 'text' | 'other';
  name(node: N): string;
  attributes(node: N): Iterable<{name: string; value: string}>;
  text(node: N): string;
  /** The content of a `<template>`. */
  content(node: N): N | undefined;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);

/** The children of `parent` as HTML. */
export function serializeChildren<N>(parent: N, tree: TreeReader<N>, raw = false): string {
  let html = '';
  for (const node of tree.children(parent)) {
    const kind = tree.kind(node);
    if (kind === 'text') html += raw ? tree.text(node) : escapeText(tree.text(node));
    if (kind !== 'element') continue;
    const name = tree.name(node);
    html += `<${name}`;
    for (const {name: attr, value} of tree.attributes(node)) html += ` ${attr}="${escapeAttribute(value)}"`;
    html += '>';
    if (VOID.has(name)) continue;
    const content = name === 'template' ? tree.content(node) : undefined;
    html += `${serializeChildren(content ?? node, tree, RAW.has(name))}</${name}>`;
  }
  return html;
}

/** The DOM's nodes, for the embed builder. */
export const domTree: TreeReader<Node> = {
  children: (node) => node.childNodes,
  kind: (node) => (node.nodeType === 1 ? 'element' : node.nodeType === 3 ? 'text' : 'other'),
  name: (node) => (node as Element).localName,
  attributes: (node) => [...(node as Element).attributes].map((a) => ({name: a.name, value: a.value})),
  text: (node) => node.nodeValue ?? '',
  content: (node) => (node as HTMLTemplateElement).content,
};

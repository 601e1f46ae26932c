/**
 * Taking over a card that was prerendered into the page as declarative shadow
 * DOM (`npm run prerender`). The element does not redraw what is already
 * there: it draws its own template into a detached element, and only when the
 * two differ (the live profile changed since the page was built) does it
 * replace the prerendered nodes, keeping the focus where it was.
 */

/** Child nodes as a reader meets them: comments (Lit's markers) and styles left out, adjacent texts joined. */
function content(node: Node): (Element | string)[] {
  const out: (Element | string)[] = [];
  for (const child of node.childNodes) {
    if (child.nodeType === 3) {
      const last = out.length - 1;
      if (typeof out[last] === 'string') out[last] += child.nodeValue;
      else out.push(child.nodeValue!);
    } else if (child.nodeType === 1 && (child as Element).localName !== 'style') out.push(child as Element);
  }
  return out;
}

/** An attribute's meaning: links and images by the URL they lead to, so `/p/` and `https://site/p/` agree. */
const meaning = (el: Element, name: string) => {
  const value = el.getAttribute(name)!;
  return name === 'href' || name === 'src' ? new URL(value, document.baseURI).href : value;
};

/** Whether `a` and `b` show the same: elements, attributes and text. */
export function sameContent(a: Node, b: Node): boolean {
  const [x, y] = [content(a), content(b)];
  return (
    x.length === y.length &&
    x.every((item, i) => {
      const other = y[i];
      if (typeof item === 'string' || typeof other === 'string') return item === other;
      const names = item.getAttributeNames();
      return (
        item.localName === other.localName &&
        names.length === other.attributes.length &&
        names.every((name) => other.hasAttribute(name) && meaning(item, name) === meaning(other, name)) &&
        sameContent(item, other)
      );
    })
  );
}

const elements = (parent: ParentNode) => [...parent.children].filter((el) => el.localName !== 'style');

/** Where the focus is in `root`, as element-child indexes, to find the same place after a redraw. */
export function focusPath(root: ShadowRoot): number[] | undefined {
  const path: number[] = [];
  for (let el = root.activeElement; el?.parentNode; el = el.parentElement) {
    path.unshift(elements(el.parentNode).indexOf(el));
    if (el.parentNode === root) return path;
  }
  return undefined;
}

export function restoreFocus(root: ShadowRoot, path: number[] | undefined) {
  let el: ParentNode | undefined = path && root;
  for (const i of path ?? []) el = el && elements(el)[i];
  (el as HTMLElement | undefined)?.focus?.();
}

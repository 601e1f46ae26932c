/**
 * Defines `tag` unless the page already has it. Sites sometimes include the
 * embed script twice (a CMS block per card, say), or both modules (the card's
 * and the directory's): the first definition wins and later copies stay quiet
 * instead of throwing.
 */
export function define(tag: string, element: CustomElementConstructor) {
  const defined = customElements.get(tag);
  if (!defined) customElements.define(tag, element);
  else if (defined !== element) console.info(`<${tag}> is already defined on this page; this copy is not used.`);
}

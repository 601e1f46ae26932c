/**
 * "Try again" removes the button that has the focus, and the browser then
 * drops the focus to the page's <body>: a keyboard or screen-reader user is
 * thrown back to the top of the page. Card and directory call this after each
 * render while a retry they started with the focus on it is under way.
 *
 * Focus goes to the new "Try again" (it failed again), else to `fallback` in
 * the element's shadow root (made focusable with tabindex=-1). A reader who
 * has meanwhile moved the focus elsewhere is left alone.
 *
 * @returns false once the focus is no longer the element's to keep.
 */
export function keepFocus(host: HTMLElement, fallback: string): boolean {
  const active = document.activeElement;
  if (active && active !== host && active !== document.body) return false;
  const root = host.shadowRoot!;
  const target = root.querySelector<HTMLElement>('[part="retry"]') ?? root.querySelector<HTMLElement>(fallback)!;
  if (target.localName !== 'button') target.tabIndex = -1;
  target.focus();
  return true;
}

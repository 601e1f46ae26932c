/**
 * Focuses `target`, which is no control, by making it focusable from script
 * (tabindex=-1) until the focus leaves it: left on, a later click on the
 * card's text focused the card and drew its ring. The window losing the focus
 * (another window, another tab) is no leaving: the element keeps the focus for
 * the return, which needs it focusable.
 */
export function focusForNow(target: HTMLElement, options?: FocusOptions) {
  if (!target.hasAttribute('tabindex')) {
    target.tabIndex = -1;
    // Left on for good: without the attribute it does nothing, and a card arrived at again is given a new one.
    target.addEventListener('blur', () => {
      if ((target.getRootNode() as ShadowRoot).activeElement !== target) target.removeAttribute('tabindex');
    });
  }
  target.focus(options);
}

/**
 * "Try again" removes the button that has the focus, and the browser then
 * drops the focus to the page's <body>: a keyboard or screen-reader user is
 * thrown back to the top of the page. Card and directory call this after each
 * render while a retry they started with the focus on it is under way.
 *
 * Focus goes to the new "Try again" (it failed again), else to `fallback` in
 * the element's shadow root (`focusForNow`). A reader who has meanwhile moved
 * the focus elsewhere is left alone.
 *
 * @returns false once the focus is no longer the element's to keep.
 */
export function keepFocus(host: HTMLElement, fallback: string): boolean {
  const active = document.activeElement;
  if (active && active !== host && active !== document.body) return false;
  const root = host.shadowRoot!;
  const retry = root.querySelector<HTMLElement>('[part="retry"]');
  if (retry) retry.focus();
  else focusForNow(root.querySelector<HTMLElement>(fallback)!);
  return true;
}

/** Logos asked for and not yet arrived, at most. */
const IN_FLIGHT = 2;
/** How long a logo on its way counts against the others, at most (ms). */
const LATE = 3000;
/**
 * A list scrolled faster than its scroller's height in this long (ms) puts in
 * no logos, and for `SETTLE` ms after: its cards pass too quickly to be seen,
 * and each logo put in (its SVG document, its first paint) was what held up
 * the scrolling frames. Flung 300 px a frame through 1,000 cards, Chromium's
 * frames came 33.3 ms apart at the median on 8 of 12 fresh pages with the
 * logos put in as they came near, and 16.7 ms on all 6 with them held
 * (scratch, the two alternated). A reader who scrolls to read is not held up,
 * nor a jump (one scroll event, however far: a link to a partner).
 */
const FLUNG = 300;
const SETTLE = 100;
let flungUntil = 0;
let lastAt = 0;
let lastTop = 0;
// On the window, capturing: scroll events of the elements a list may scroll in do not bubble, and the
// window's capturing listeners come first, so the page's own handlers have not yet changed the layout that
// reading `scrollTop` may bring up to date. An event of another scroller than the last is measured against
// the last one's position: at worst one wait of `SETTLE`. (A page in quirks mode scrolls its body, whose
// scrolling this does not read: its lists are never taken for flung.)
addEventListener(
  'scroll',
  ({target}) => {
    const by = target instanceof Element ? target : document.documentElement;
    const at = performance.now();
    const top = by.scrollTop;
    if (Math.abs(top - lastTop) * FLUNG > by.clientHeight * (at - lastAt)) flungUntil = at + SETTLE;
    lastAt = at;
    lastTop = top;
  },
  true,
);

/**
 * The directory's logos, asked for two at a time as their cards come near the
 * window (within a window's height), those in the window first. Chromium
 * makes each SVG logo a document of its own on the main thread when its
 * response arrives (3–25 ms each, traced; the first ones of a page cost
 * most). Left to the browser's lazy loading, the 48 logos within its margin
 * of an 800×600 window were asked for at once, and their responses, arriving
 * together, held one frame for over 100 ms; asking per frame, four at a time,
 * still let eight arrive in one.
 *
 * Until its turn a logo waits out of the page, an empty box of its class and
 * part standing in for it (the same height, so nothing moves when it comes):
 * an image without an address cost the engine more to lay out than the box,
 * a keystroke's frame hiding 990 cards 26 ms against 19 (Chromium). A compact
 * card's logo is decorative (an empty `alt`): nothing a screen reader or
 * find-in-page reads waits for it.
 */
export class LogoPacer {
  #waiting = new Map<Element, {img: HTMLImageElement; src: string}>();
  #near: Element[] = [];
  /** Stands in the window itself: their logos go first, before those of the cards around it. */
  #inView = new Set<Element>();
  #flying = 0;
  #frame = 0;
  #observer = new IntersectionObserver(
    (entries) => {
      // A card that leaves before its logo's turn (scrolled past, hidden by a search) leaves the queue, and joins
      // it again when it comes back: a fast scroll does not wait for the logos of every card it passed.
      for (const {target, isIntersecting} of entries) {
        // An entry queued before its logo was put in.
        if (!this.#waiting.has(target)) continue;
        const at = this.#near.indexOf(target);
        if (isIntersecting) {
          if (at < 0) this.#near.push(target);
        } else if (at >= 0) this.#near.splice(at, 1);
      }
      this.#ask();
    },
    {rootMargin: '100% 0px'},
  );
  #viewObserver = new IntersectionObserver((entries) => {
    for (const {target, isIntersecting} of entries)
      if (isIntersecting) this.#inView.add(target);
      else this.#inView.delete(target);
  });

  /** Takes each logo in `root` (drawn, not yet in the page) out until its turn. */
  hold(root: ParentNode) {
    for (const img of root.querySelectorAll('img')) {
      const stand = document.createElement('span');
      stand.className = img.className;
      stand.setAttribute('part', img.getAttribute('part') ?? '');
      this.#waiting.set(stand, {img, src: img.src});
      img.removeAttribute('src');
      img.replaceWith(stand);
      this.#observer.observe(stand);
      this.#viewObserver.observe(stand);
    }
  }

  /** Puts in no more logos (the list is drawn anew). */
  stop() {
    this.#observer.disconnect();
    this.#viewObserver.disconnect();
    this.#near = [];
    this.#waiting.clear();
    this.#inView.clear();
    cancelAnimationFrame(this.#frame);
  }

  /** In the next frame, puts in as many of the logos near the window as may be on their way. */
  #ask() {
    if (this.#frame || !this.#near.length || this.#flying >= IN_FLIGHT) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      // The list is flung: asked again in each frame until it slows.
      if (performance.now() < flungUntil) {
        this.#ask();
        return;
      }
      // The window's own cards first (a reader who scrolled far sees theirs before those just passed), each
      // group in the list's order (the sort is stable).
      const later = (stand: Element) => (this.#inView.has(stand) ? 0 : 1);
      this.#near.sort((a, b) => later(a) - later(b));
      for (const stand of this.#near.splice(0, IN_FLIGHT - this.#flying)) this.#putIn(stand, true);
    });
  }

  /**
   * Puts in at once the logos of the cards shown (not hidden by a search),
   * wherever they are: a printed list shows its logos, as the browsers load
   * their own lazy images before printing.
   */
  putInShown() {
    for (const stand of this.#waiting.keys()) if (!stand.closest('[hidden]')) this.#putIn(stand, false);
    this.#near = this.#near.filter((stand) => this.#waiting.has(stand));
  }

  /** Puts one logo in place of its stand-in; `paced`: it counts against the others until it lands. */
  #putIn(stand: Element, paced: boolean) {
    const {img, src} = this.#waiting.get(stand)!;
    this.#waiting.delete(stand);
    this.#observer.unobserve(stand);
    this.#viewObserver.unobserve(stand);
    this.#inView.delete(stand);
    if (paced) {
      this.#flying++;
      // The image is the pacer's own in the shadow root, made by the directory: nothing else sets its handlers.
      const landed = () => {
        clearTimeout(late);
        img.onload = img.onerror = null;
        this.#flying--;
        this.#ask();
      };
      // A logo slower than LATE holds the others back no longer.
      const late = setTimeout(landed, LATE);
      img.onload = img.onerror = landed;
    }
    // Asked for now, wherever the reader scrolls or searches meanwhile: a lazy image
    // taken out of view before it loads would never land, and hold the others back.
    img.loading = 'eager';
    img.src = src;
    stand.replaceWith(img);
  }
}

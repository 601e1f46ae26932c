/**
 * Waiting for the browser's next chance to draw, for work that must not hold
 * a frame back: the elements' slices of a long list, and the page's first
 * Intl object (tens of ms in Chromium).
 */

/**
 * Resolves in a new task, so the browser may draw a frame first. A message,
 * not a timer: a hidden page holds timers back a second or more.
 */
export const nextTask = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });

/**
 * Resolves in a task after the next frame, or after `wait` ms without one: a
 * hidden page draws none, and a busy engine's frames come late.
 */
export const afterPaint = (wait = 100) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, wait);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      void nextTask().then(resolve);
    });
  });

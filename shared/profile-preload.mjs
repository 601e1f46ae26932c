// The preload a script-only embed puts before the card's module, so that the
// profile's request starts with the module's instead of after it has run. Plain
// JavaScript: the embed builder writes it into partners' code, and the
// benchmark measures the same line.

import {escapeAttribute} from './html-escape.mjs';

/**
 * The `<link>` for the profile at `profileUrl` (absolute, as the card asks for
 * it). `as="fetch"` with `crossorigin="anonymous"` is the request the card's
 * `fetch()` makes (CORS, credentials for the same origin only), so the browser
 * hands the card the preloaded response instead of asking again.
 * @param {string} profileUrl
 */
export const profilePreload = (profileUrl) =>
  `<link rel="preload" href="${escapeAttribute(profileUrl)}" as="fetch" crossorigin="anonymous">`;

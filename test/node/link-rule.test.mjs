// The one link rule (shared/link-rule.ts), tested on generated links, not only
// on a list of tricks: whatever it accepts goes where its text says. A link
// with a scheme reaches the host written after "//", label for label (a
// written non-ASCII label may become its xn-- form, nothing else); a link
// without one stays on the page's site; no accepted link holds a backslash,
// a control character, <, > or ", or a user name.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {loadTypeScript} from '../support/load-typescript.mjs';

/** @type {{linkRefused: (value: string) => boolean}} */
const {linkRefused} = await loadTypeScript(new URL('../../shared/link-rule.ts', import.meta.url).pathname);
const PAGE = 'https://partner.example/about/';

// Pieces links are made of, look-alikes of / \ . and @ among them.
const piece = fc.constantFrom(
  'https://',
  'http://',
  'HTTPS://',
  'javascript:',
  '/',
  '\\',
  '\u2044',
  '\u2215',
  '\uff0f',
  '\uff3c',
  '\u3002',
  '\uff0e',
  '.',
  ':',
  '@',
  '%2f',
  '%5c',
  '%2e',
  '?',
  '#',
  '\t',
  ' ',
  'a',
  'dk',
  'regionsyddanmark',
  'æøå',
  'partnere',
  '8080',
  '[::1]',
  '..',
);
const link = fc.array(piece, {minLength: 1, maxLength: 8}).map((parts) => parts.join(''));

/** The host as the text shows it: after "//", up to the first / ? or #. @param {string} text */
const writtenHost = (text) => /^https?:\/\/([^/?#]*)/i.exec(text.trim())?.[1] ?? '';

test('whatever the rule accepts goes where its text says (generated links)', () => {
  let accepted = 0;
  fc.assert(
    fc.property(link, (value) => {
      if (linkRefused(value)) return;
      accepted++;
      const text = value.trim();
      assert.doesNotMatch(text, /[\0-\x1f\x7f\\<>"]/, `${JSON.stringify(value)} holds a character the rule refuses`);
      const url = new URL(text, PAGE);
      assert.match(url.protocol, /^https?:$/, JSON.stringify(value));
      assert.equal(url.username + url.password, '', JSON.stringify(value));
      if (!/^[a-z][\w+.-]*:/i.test(text)) {
        assert.equal(url.origin, new URL(PAGE).origin, `${JSON.stringify(value)} leaves the page's site`);
        return;
      }
      const written = writtenHost(text).replace(/:\d*$/, '');
      const labels = written.toLowerCase().split('.');
      const parsed = url.hostname.split('.');
      assert.equal(parsed.length, labels.length, `${JSON.stringify(value)}: written ${written}, reached ${url.hostname}`);
      parsed.forEach((label, i) => {
        const shown = labels[i];
        if (label !== shown)
          assert.ok(
            label.startsWith('xn--') && /^[\p{L}\p{N}\p{M}-]+$/u.test(shown),
            `${JSON.stringify(value)}: the label "${shown}" became "${label}"`,
          );
      });
    }),
    {numRuns: 20000},
  );
  assert.ok(accepted > 500, `only ${accepted} generated links were accepted: the test would prove little`);
});

test('every backslash is refused, on the same site too', () => {
  for (const value of ['/a\\b', 'a\\b', '/partners\\x.html', 'https://a.example/x\\y', '\\partners'])
    assert.equal(linkRefused(value), true, value);
});

test('characters the parser maps into the host are refused: the text would show one site and lead to another', () => {
  for (const value of [
    'https://regionsyddanmark.dk\u2044partnere/',
    'https://regionsyddanmark.dk\u2215partnere/',
    'https://regionsyddanmark.dk\uff0fpartnere/',
    'https://a\u3002dk/',
    'https://ex%61mple.com/',
  ])
    assert.equal(linkRefused(value), true, value);
  for (const value of ['https://regionsyddanmark.dk/partnere/', 'https://æøå.dk/x', 'https://a.dk:8080/x?y#z', '/partnere/'])
    assert.equal(linkRefused(value), false, value);
});

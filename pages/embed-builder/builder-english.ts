/**
 * The embed builder's own words, in English. Translators work on them in
 * locales/pages.<lang>.xlf (node/page-strings.mjs reads this file for
 * `npm run i18n:extract`), so this module holds nothing but the strings.
 */
export const en = {
  title: 'Embed a partner card',
  intro:
    'Pick your organisation and how the card should look, check the preview, then copy the code into your web page (an “HTML” or “embed” block in most editors).',
  otherLanguage: 'På dansk',
  options: 'Options',
  find: 'Find your organisation',
  findHint: 'Type part of the name, short name or country.',
  partner: 'Organisation',
  noMatch: 'No organisation matches “{query}”.',
  matches: '{count} organisations match “{query}”.',
  oneMatch: 'One organisation matches “{query}”.',
  language: 'Language of the card',
  english: 'English',
  danish: 'Danish',
  variant: 'Layout',
  full: 'Full profile',
  compact: 'Compact (for lists)',
  headingLevel: 'Heading level of the name',
  headingHint: 'Use the level that fits where the card sits on your page: 2 under the page title is usual.',
  href: 'Link of the card (optional)',
  hrefHint: 'The compact card becomes one link to this address.',
  backHref: '“Back to partners” link (optional)',
  backHrefHint: 'Adds a link back to this address at the end of the full card.',
  // The same words as LINK_RULE in shared/link-rule.ts, which the command line prints (a test compares them).
  badLink:
    'Give a web address that starts with https:// or http://, or a path on your site such as /partners/. Links with \\, <, >, ", a user name, or a tab or line break are refused: browsers may take them to another site.',
  prerender: 'Write the card into the code',
  prerenderHint:
    'The card shows at once, without JavaScript and even when the project site is down; the script then keeps it up to date. Take a new code when the profile changes a lot.',
  preview: 'Preview',
  code: 'Your code',
  codeLabel: 'Code to paste into your page',
  copy: 'Copy code',
  copied: 'Copied. Paste it into your page.',
  copyFailed: 'Could not copy: the code is selected, press Ctrl+C (⌘C on a Mac).',
  waiting: 'Loading the profile… the code below does not yet carry the card.',
  failed: 'This profile cannot be shown ({reason}). The code below has no card written into it.',
  share: 'Link to these choices',
  shareHint: 'Send this address to a partner: it opens this page with the same choices.',
  csp: 'Your site sends a Content-Security-Policy?',
  cspHint: 'Add these sources to it:',
  version: 'Version {version}, pinned with an integrity hash: your page runs exactly this code until you take a new one.',
  indexFailed: 'The list of organisations could not be loaded ({reason}). Reload the page to try again.',
  unknownPartner: 'There is no organisation “{id}” in the list, so there is no code yet.',
  malformedPartner:
    '“{id}” is not an organisation id, so there is no code yet: an id is lower-case letters, digits and hyphens, such as {example}.',
  pickClosest: 'Pick one of the close matches below, or find yours with the search above the list.',
  searchAbove: 'No organisation in the list is close to it: find yours by typing part of its name in the search box above the list.',
  closest: 'Did you mean:',
  englishTexts: 'Not yet in Danish, so the card shows these texts in English: {texts}.',
  moduleFailed:
    'The card’s script {module} did not load, or its bytes do not match its integrity hash: this deployment is broken. Run npm run check-deploy against it.',
};

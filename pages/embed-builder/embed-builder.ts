/**
 * The embed builder (dist/embed.html): a partner's web editor picks the
 * options, sees the card, and copies code that loads the pinned module with
 * its integrity hash and carries the card prerendered, so their page shows
 * it at first paint. The choices live in the page address. Nothing is sent
 * anywhere: the page reads the project's own index and profiles only.
 */
import {fold} from '../../src/directory-search.js';
import {countryName} from '../../src/format.js';
import {pick} from '../../shared/pick.js';
import {organisationJsonLd} from '../../shared/json-ld.js';
import type {Profile} from '../../shared/profile-types.js';
import {safeUrl} from '../../shared/safe-url.js';
import {isPartnerId} from '../../shared/profile-validation.js';
import {untranslated} from '../../shared/translation-coverage.js';
import {distance} from '../../shared/closest.js';
import {text, type StringKey, type UiLang} from './builder-strings.js';
import {
  choicesFromQuery,
  cspSources,
  declarativeShadowRoot,
  embedCode,
  linkRefused,
  queryFromChoices,
  type EmbedChoices,
  type Release,
} from './embed-code.js';
// Bundled by Vite into dist/embed.css, with the pages' shared base it imports.
import './embed.css';

declare const PARTNER_CARD_RELEASE: Release;
const release = PARTNER_CARD_RELEASE;

type Card = HTMLElement & {updateComplete: Promise<boolean>};

/** The page's element with this id, of the class the script uses it as: embed.html has each one, so a miss is a mistake in the page and fails loudly. */
function $<T extends HTMLElement = HTMLElement>(id: string, type: new () => T = HTMLElement as new () => T): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`embed.html has no ${type.name} #${id}`);
  return el;
}
const form = $('choices', HTMLFormElement);
const search = $('partner-search', HTMLInputElement);
const list = $('partner', HTMLSelectElement);
const code = $('embed-code', HTMLTextAreaElement);
// Made once a partner is chosen, so no card ever starts without one.
const preview = document.createElement('partner-card') as Card;
/** The card the code is taken from, with every choice as chosen; the preview sits at heading level 3, under its section's heading. */
const source = document.createElement('partner-card') as Card;

const params = new URLSearchParams(location.search);
let choices = choicesFromQuery(params);
const ui: UiLang = (params.get('ui') ?? choices.lang) === 'da' ? 'da' : 'en';
let partners: Profile[] = [];
/** The profile the source card has drawn, as it validated it (its load event's detail); none while it loads or after it failed. */
let drawn: Profile | undefined;
let failure = '';

const say = (key: StringKey, values?: Record<string, string>) => text(ui, key, values);

function translatePage() {
  document.documentElement.lang = ui;
  document.title = say('title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = say(el.dataset.text as StringKey);
  const other = $('other-language', HTMLAnchorElement);
  const otherLang = ui === 'da' ? 'en' : 'da';
  other.lang = other.hreflang = otherLang;
  $('version').textContent = say('version', {version: release.version});
}

/** The form shows `choices`: on load, and after the address changed them. */
function showChoices() {
  for (const name of ['lang', 'variant'] as const) {
    for (const radio of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) radio.checked = radio.value === choices[name];
  }
  $('heading-level', HTMLSelectElement).value = String(choices.headingLevel);
  $('href', HTMLInputElement).value = choices.href;
  $('back-href', HTMLInputElement).value = choices.backHref;
  $('prerender', HTMLInputElement).checked = choices.prerender;
}

function readChoices(): EmbedChoices {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    partner: list.value || choices.partner,
    lang: data.get('lang') === 'da' ? 'da' : 'en',
    variant: data.get('variant') === 'compact' ? 'compact' : 'full',
    headingLevel: Number(data.get('heading-level')) || 2,
    href: text('href'),
    backHref: text('back-href'),
    prerender: data.get('prerender') === 'on',
  };
}

const label = (p: Profile) => {
  const name = pick(p.name, ui).value;
  const short = p.shortName && pick(p.shortName, ui).value;
  return `${name}${short && short !== name ? ` (${short})` : ''} – ${countryName(p.country, ui)}`;
};

/** The organisations matching the search, the chosen one kept selected. */
function fillList() {
  const words = fold(search.value).split(/\s+/).filter(Boolean);
  const shown = partners.filter((p) => {
    const hay = fold(`${label(p)} ${pick(p.name, 'en').value} ${pick(p.name, 'da').value}`);
    return words.every((word) => hay.includes(word));
  });
  list.replaceChildren(
    // The title shows a name the list is too narrow for when pointed at; the line under the list shows the chosen one whole.
    ...shown.map((p) => Object.assign(new Option(label(p), p.id, false, p.id === choices.partner), {title: label(p)})),
  );
  showChosen();
  announceCount(shown.length);
  // Without a search, a message from the address (an unknown partner) stays.
  if (search.value) $('partner-problem').textContent = shown.length ? '' : say('noMatch', {query: search.value});
}

function setAttributes(card: HTMLElement, level: number) {
  card.setAttribute('partner', choices.partner);
  card.setAttribute('lang', choices.lang);
  card.setAttribute('variant', choices.variant);
  card.setAttribute('heading-level', String(level));
  const href = choices.variant === 'compact' && !linkRefused(choices.href) ? choices.href.trim() : '';
  const back = choices.variant === 'full' && !linkRefused(choices.backHref) ? choices.backHref.trim() : '';
  for (const [name, value] of [
    ['href', href],
    ['back-href', back],
  ]) {
    if (value) card.setAttribute(name, value);
    else card.removeAttribute(name);
  }
}

function showLinkProblems() {
  for (const id of ['href', 'back-href']) {
    const input = $<HTMLInputElement>(id);
    const wrong = linkRefused(input.value);
    input.setAttribute('aria-invalid', String(wrong));
    $(`${id}-problem`).textContent = wrong ? say('badLink') : '';
  }
  $('href-field').hidden = choices.variant !== 'compact';
  $('back-href-field').hidden = choices.variant !== 'full';
}

const styleText = () =>
  ((customElements.get('partner-card') as unknown as {elementStyles?: {cssText: string}[]} | undefined)?.elementStyles ?? [])
    .map((s) => s.cssText)
    .join('');

/** The chosen organisation's whole name, country and place, under the list, which may be too narrow for them. */
function showChosen() {
  const chosen = partners.find((p) => p.id === (list.value || choices.partner));
  $('partner-chosen').textContent = chosen ? label(chosen) : '';
}

let counting: ReturnType<typeof setTimeout> | undefined;
/** How many organisations match, said once typing pauses: a screen reader is not interrupted at every key. */
function announceCount(count: number) {
  clearTimeout(counting);
  const query = search.value.trim();
  if (!query || !count) {
    $('partner-count').textContent = '';
    return;
  }
  counting = setTimeout(() => {
    $('partner-count').textContent = say(count === 1 ? 'oneMatch' : 'matches', {count: String(count), query});
  }, COUNT_PAUSE);
}

/** Whether the chosen partner is one of the list: only then is there code to give. */
const known = () => partners.some((p) => p.id === choices.partner);

/** The profile texts without Danish that a Danish card shows in English, listed in the page's language. */
function showEnglishTexts() {
  const texts = choices.lang === 'da' && drawn?.id === choices.partner ? untranslated(drawn, 'da') : [];
  const quote = (en: unknown) => {
    const text = (Array.isArray(en) ? en.join(' ') : String(en)).replace(/\s+/g, ' ');
    return `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;
  };
  $('english-texts').textContent = texts.length ? say('englishTexts', {texts: texts.map((t) => quote(t.en)).join(', ')}) : '';
}

/** The code for the current choices, with the card written in once the source card shows it. */
async function writeCode() {
  // The source card is not on the page before a known partner is chosen, and would never finish an update.
  if (known()) await source.updateComplete;
  const moduleUrl = new URL(release.module, location.href).href;
  const ready = drawn?.id === choices.partner;
  let prerendered = choices.prerender && ready && source.shadowRoot ? declarativeShadowRoot(source.shadowRoot, styleText()) : '';
  if (prerendered && choices.variant === 'full' && drawn) {
    // The logo as the card found it: next to the profile, in the module's partners/ folder.
    const profileUrl = new URL(`partners/${choices.partner}.json`, moduleUrl);
    const logo = drawn.logo && safeUrl(drawn.logo.src, profileUrl)?.href;
    prerendered += organisationJsonLd(drawn, choices.lang, logo);
  }
  // A partner the list does not have gets no code, not another partner's.
  const next = known() ? embedCode(moduleUrl, release, choices, prerendered) : '';
  // No code, no button: a disabled one looked ready and did nothing.
  const copyButton = $('copy', HTMLButtonElement);
  if (!next && document.activeElement === copyButton) code.focus();
  copyButton.disabled = copyButton.hidden = !next;
  showEnglishTexts();
  $('code-state').textContent = !known() || !choices.prerender || ready ? '' : failure ? say('failed', {reason: failure}) : say('waiting');
  // "Copied" stays true until the code changes: a re-render with the same code must not take it back.
  if (next !== code.value) $('copy-status').textContent = '';
  code.value = next;
}

function update() {
  choices = readChoices();
  showChosen();
  showLinkProblems();
  history.replaceState(null, '', queryFromChoices(choices, ui));
  $('share-url', HTMLInputElement).value = location.href;
  const otherUi = ui === 'da' ? 'en' : 'da';
  $('other-language', HTMLAnchorElement).href = queryFromChoices(choices, otherUi);
  if (source.getAttribute('partner') !== choices.partner) {
    drawn = undefined;
    failure = '';
  }
  if (!known()) return void writeCode();
  // A note about the address's partner goes once a known one is chosen; one about the search stays.
  if (!search.value) $('partner-problem').textContent = '';
  $('partner-closest').hidden = true;
  setAttributes(preview, 3);
  setAttributes(source, choices.headingLevel);
  if (!preview.isConnected) {
    const hidden = document.createElement('div');
    hidden.hidden = true;
    hidden.append(source);
    $('preview').append(preview, hidden);
  }
  void writeCode();
}

/** The pause in typing after which the number of matches is said. */
const COUNT_PAUSE = 700;

/** How long the clipboard may take before the page offers the keyboard way (a browser can leave the request pending). */
const CLIPBOARD_PATIENCE = 2000;

async function copy() {
  const status = $('copy-status');
  const text = code.value;
  try {
    const written = navigator.clipboard.writeText(text);
    const waited = await Promise.race([
      written.then(() => true),
      new Promise<false>((resolve) =>
        setTimeout(() => {
          resolve(false);
        }, CLIPBOARD_PATIENCE),
      ),
    ]);
    if (!waited) {
      selectForKeyboard();
      // Should the clipboard answer after all, say so (if the code is still what was copied); a late
      // refusal changes nothing, the keyboard way is already offered.
      written.then(
        () => code.value === text && (status.textContent = say('copied')),
        () => undefined,
      );
      return;
    }
    status.textContent = say('copied');
  } catch {
    // No clipboard API, or the page is not allowed to write: the old way, from the selection.
    code.focus();
    code.select();
    let done = false;
    try {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one way to copy where the Clipboard API is missing or refused
      done = document.execCommand('copy');
    } catch {
      done = false;
    }
    if (done) status.textContent = say('copied');
    else selectForKeyboard();
  }
}

/** The code selected and focused, and the words to copy it by hand: said first, so the code box is read with them (its description). */
function selectForKeyboard() {
  $('copy-status').textContent = say('copyFailed');
  code.focus();
  code.select();
}

/** A name's or an id's words, folded as the directory's search folds them: "Malmö Harbour" and "malmo-harbour" alike. */
const wordsOf = (text: string) =>
  fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** The same word but for a slip: a letter or two (by its length), or one cut short. */
const alike = (a: string, b: string) =>
  a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a) || distance(a, b) <= (a.length >= 8 ? 2 : 1)));

/**
 * Up to three partners close to what was asked, by id or by any of their
 * names: the whole within a few letters, or most of its words (of three
 * letters or more) alike, closest first.
 */
function closestPartners(asked: string): Profile[] {
  const mine = wordsOf(asked);
  const key = mine.join('-');
  const long = mine.filter((word) => word.length >= 3);
  return partners
    .map((p) => {
      const names = [p.id, ...[p.name, p.shortName].flatMap((n) => (n ? [pick(n, 'en').value, pick(n, 'da').value] : []))].map(wordsOf);
      const whole = Math.min(...names.map((words) => distance(key, words.join('-'))));
      const shared = Math.max(...names.map((words) => long.filter((word) => words.some((theirs) => alike(word, theirs))).length));
      return {p, whole, shared};
    })
    .filter(({whole, shared}) => whole <= Math.max(3, Math.floor(key.length / 3)) || (shared > 0 && shared * 2 >= long.length))
    .sort((a, b) => b.shared - a.shared || a.whole - b.whole)
    .slice(0, 3)
    .map(({p}) => p);
}

/** The partners close to what was asked, as links that keep the other choices, each with its id; false when none is close. */
function showClosest(asked: string): boolean {
  const close = closestPartners(asked);
  const box = $('partner-closest');
  box.querySelector('ul')!.replaceChildren(
    ...close.map((p) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = queryFromChoices({...choices, partner: p.id}, ui);
      link.textContent = label(p);
      item.append(link, ' ', Object.assign(document.createElement('code'), {textContent: p.id}));
      return item;
    }),
  );
  box.hidden = !close.length;
  return close.length > 0;
}

function problem(message: string) {
  console.warn(`partner-card embed builder: ${message}`);
  // Both may go wrong (the module and the list): each is said.
  const box = $('index-problem');
  box.textContent = box.textContent ? `${box.textContent} ${message}` : message;
}

async function loadPartners() {
  // Module scripts run in document order: the pinned module ran before this one, unless it was blocked.
  if (!customElements.get('partner-card')) problem(say('moduleFailed', {module: release.module}));
  try {
    const response = await fetch(new URL('partners/index.json', location.href), {headers: {accept: 'application/json'}});
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const index = (await response.json()) as {partners?: unknown} | null;
    if (!Array.isArray(index?.partners)) throw new Error('no "partners" list');
    // What the list needs of each entry; anything else in a hand-edited index is left out.
    partners = (index.partners as (Partial<Profile> | null)[]).filter(
      (p): p is Profile => !!p && typeof p.id === 'string' && !!p.name && !!p.country,
    );
  } catch (error) {
    problem(say('indexFailed', {reason: error instanceof Error ? error.message : String(error)}));
    return;
  }
  if (choices.partner && !known()) {
    // The address keeps what was asked (the share link too): a coordinator's typo is shown, never replaced.
    const asked = choices.partner;
    const wellFormed = isPartnerId(asked);
    console.warn(
      `partner-card embed builder: ${wellFormed ? `there is no partner "${asked}" in partners/index.json` : `"${asked}" is not a partner id`}`,
    );
    const what = wellFormed
      ? say('unknownPartner', {id: asked})
      : say('malformedPartner', {id: asked, example: partners[0]?.id ?? 'region-southern-denmark'});
    // Only a list that is there is pointed at: the close matches, else the search.
    $('partner-problem').textContent = `${what} ${say(showClosest(asked) ? 'pickClosest' : 'searchAbove')}`;
  }
  if (!choices.partner) choices.partner = partners[0]?.id ?? '';
  fillList();
}

translatePage();
showChoices();
$('csp').textContent = cspSources(new URL(location.href).origin, release);
source.addEventListener('partner-card-load', (event) => {
  drawn = event.detail;
  failure = '';
  void writeCode();
});
source.addEventListener('partner-card-error', (event) => {
  drawn = undefined;
  failure = (event as CustomEvent<{message: string}>).detail.message;
  void writeCode();
});
form.addEventListener('input', (event) => {
  if (event.target === search) {
    fillList();
    return;
  }
  update();
});
form.addEventListener('change', update);
form.addEventListener('submit', (event) => {
  event.preventDefault();
});
search.addEventListener('keydown', (event) => {
  // Down arrow from the search box goes on to the list, as in a combobox.
  if (event.key === 'ArrowDown' && list.options.length) {
    event.preventDefault();
    list.focus();
    if (list.selectedIndex < 0) list.selectedIndex = 0;
    update();
  }
});
$('copy').addEventListener('click', () => void copy());
await loadPartners();
update();

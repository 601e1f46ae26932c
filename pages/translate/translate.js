// The translator preview: the same card a site shows, side by side with
// English; a box for the Danish of every text, the card changing as the
// translator types; what is still in English highlighted and listed; a check
// of the profile in plain words; and the result to take away, as the profile
// file and as XLIFF. Nothing is sent anywhere.
import {checkProfile, inWords, parseProfile} from '../../shared/profile-check.mjs';
import {exportXliff, hint, profileUnits, withTranslations} from '../../shared/profile-xliff.mjs';
import {untranslated} from '../../shared/translation-coverage.js';
import {pageWords} from './translate-strings.js';
/** @typedef {import('../../shared/profile-types.js').Profile} Profile */
/** @typedef {import('./translate-strings.js').Say} Say */

/**
 * The page's element with this id. translate.html has every id this script
 * names, so a missing one is a mistake in this page and fails loudly. Typed as
 * the form controls and links the script reads, since it picks them by id.
 * @param {string} id
 * @returns {HTMLInputElement & HTMLSelectElement & HTMLAnchorElement}
 */
const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`translate.html has no #${id}`);
  return /** @type {HTMLInputElement & HTMLSelectElement & HTMLAnchorElement} */ (/** @type {unknown} */ (el));
};
// Made here and put in the page with their first profile: a card in the page without one would show an error.
const target = Object.assign(document.createElement('partner-card'), {id: 'target', lang: 'da'});
const english = Object.assign(document.createElement('partner-card'), {id: 'english', lang: 'en'});
const cards = [target, english];
/**
 * The published folder: published (partner-card publish), the page sits in it; in a
 * checkout (npm start) it is dist/, which the build publishes.
 */
const SITE = new URL(typeof PREVIEW_DANISH === 'undefined' ? '../../dist/' : './', import.meta.url);
const schema = fetch(new URL('profile.schema.json', SITE)).then((r) => r.json());
const ui = new URLSearchParams(location.search).get('ui') === 'da' ? 'da' : 'en';
/** This page's words, once read (before anything is shown: see the end). @type {import('./translate-strings.js').Say} */
let say;
const LANGS = {da: () => (ui === 'da' ? 'dansk' : 'Danish'), en: () => (ui === 'da' ? 'engelsk' : 'English')};

/** The profile file as it was loaded or pasted (its text: the download keeps its layout), and the Danish typed here, by JSON path. */
/** @type {{text: string, profile: any, file: string}} */
let base = {text: '', profile: undefined, file: 'profile.json'};
const typed = new Map();
/** The profile both cards show now: the base with what was typed. @type {Profile | undefined} */
let current;

function translatePage() {
  const pageLang = (document.documentElement.lang = say.lang('title'));
  document.title = `${say('title')} – partner-card`;
  for (const el of document.querySelectorAll('[data-text]')) {
    if (!(el instanceof HTMLElement) || !el.dataset.text) continue;
    // translate.html's data-text names are this page's keys (the preview's test reads every one).
    const key = /** @type {Parameters<Say>[0]} */ (el.dataset.text);
    el.textContent = say(key);
    const lang = say.lang(key);
    if (lang === pageLang) el.removeAttribute('lang');
    else el.lang = lang;
  }
  const other = $('other-language');
  other.href = `?ui=${ui === 'da' ? 'en' : 'da'}`;
  other.lang = other.hreflang = ui === 'da' ? 'en' : 'da';
}

/** The published profiles' folder: a logo named relative to its profile is found there (a pasted file's too). */
const PUBLISHED = new URL('partners/', SITE);

/** `profile` for the cards, its logo's address made absolute: a profile given as an object is read relative to the page. */
/** @param {Profile | undefined} profile */
function forCards(profile) {
  if (!profile?.logo || typeof profile.logo.src !== 'string') return profile;
  return {...profile, logo: {...profile.logo, src: new URL(profile.logo.src, new URL(`${profile.id}.json`, PUBLISHED)).href}};
}

function showProfile() {
  $('pair').hidden = !current;
  const lang = $('lang').value;
  $('target-label').textContent = lang === 'da' ? say('danish') : say('english');
  target.lang = lang;
  for (const card of cards) {
    card.variant = /** @type {typeof card.variant} */ ($('variant').value);
    card.profile = forCards(current);
  }
  if (current && !target.isConnected) {
    $('target-slot').replaceWith(target);
    $('english-slot').replaceWith(english);
  }
  listMissing(current);
}

/** @param {unknown} profile */
function listMissing(profile) {
  const lang = $('lang').value === 'da' ? 'da' : 'en';
  const missing = profile ? untranslated(profile, lang) : [];
  const rows = /** @type {HTMLTableElement} */ (document.querySelector('#missing')).tBodies[0];
  // No empty table with headers only: the summary says there is nothing.
  $('missing').hidden = !missing.length;
  rows.replaceChildren(
    ...missing.map(({path, en}) => {
      const row = rows.insertRow();
      row.insertCell().textContent = path;
      row.insertCell().textContent = Array.isArray(en) ? en.join('\n\n') : String(en);
      return row;
    }),
  );
  $('missing-summary').textContent =
    lang === 'en'
      ? say('nothingToTranslate')
      : missing.length
        ? say('missingCount', {count: missing.length, language: LANGS[lang]()})
        : say('allTranslated', {language: LANGS[lang]()});
}

/**
 * When the translator last typed (in a box or the file field). The status
 * regions below are read out whenever they change, so while typing they wait
 * until it pauses this long (as the embed builder's count does).
 */
const PAUSE_MS = 700;
let typedAt = -Infinity;
/** The write each status region waits to make until typing pauses. @type {Map<HTMLElement, ReturnType<typeof setTimeout>>} */
const due = new Map();

/**
 * Puts `lines` in the status region `region` (each a paragraph), if that
 * changes what it says: the same outcome is not said again. Said at once, or
 * once typing has paused.
 * @param {HTMLElement} region @param {(string | Node)[][]} lines @param {string} [kind] its class
 */
function speak(region, lines, kind = '') {
  const next = /** @type {HTMLElement} */ (region.cloneNode(false));
  next.className = kind;
  next.append(...lines.map(paragraph));
  clearTimeout(due.get(region));
  due.delete(region);
  if (next.isEqualNode(region)) return;
  // Checked again when the timer fires: a key pressed meanwhile, whose check
  // has not yet come (it comes 120 ms after the key), puts it off.
  const write = () => {
    const wait = typedAt + PAUSE_MS - performance.now();
    if (wait > 0) {
      due.set(region, setTimeout(write, wait));
      return;
    }
    due.delete(region);
    region.className = kind;
    region.replaceChildren(...next.childNodes);
  };
  write();
}

/** @param {(string | Node)[]} parts */
function paragraph(parts) {
  const p = document.createElement('p');
  p.append(...parts);
  return p;
}

/**
 * `text` marked with its language where it is not the page's: a screen reader
 * reads it with that language's voice.
 * @param {string} text @param {string} lang
 */
function inLang(text, lang) {
  if (lang === document.documentElement.lang) return text;
  return Object.assign(document.createElement('span'), {textContent: text, lang});
}

/** The page's sentence `key`, marked English where it has no translation. @param {Parameters<Say>[0]} key @param {Parameters<Say>[1]} [values] */
const said = (key, values) => inLang(say(key, values), say.lang(key));

/**
 * The page's sentence `key` with `reason` (the browser's words, English) marked English.
 * @param {'loadFailed' | 'indexFailed'} key @param {string} reason
 */
function withReason(key, reason) {
  const [before = '', after = ''] = say(key, {reason: '\0'}).split('\0');
  return [inLang(before, say.lang(key)), inLang(reason, 'en'), inLang(after, say.lang(key))];
}

/**
 * A problem of the file: where, what is wrong in this page's words, then the
 * schema's description of the field, which stays English (see CHECK_WORDS).
 * @param {{path?: string, words: import('../../shared/profile-check.mjs').Words, about?: string}} problem
 */
function problemLine({path, words, about}) {
  const text = inWords(words, (key, values) => say(key, values));
  return [
    ...(path ? [Object.assign(document.createElement('code'), {textContent: path}), ' '] : []),
    inLang(text, say.lang(words.key)),
    ...(about ? [' ', inLang(about, 'en')] : []),
  ];
}

/** @param {(string | Node)[][]} lines @param {string} kind */
function report(lines, kind) {
  speak($('problems'), lines, kind);
}

/** A text's name as a reader of the card knows it: "Key figure 2: label", not "$.facts[1].label". */
/** @param {string} path */
function fieldLabel(path) {
  const n = (/** @type {string} */ i) => String(Number(i) + 1);
  /** @type {Partial<Record<string, 'partLabel' | 'partText' | 'partName'>>} */
  const PARTS = {label: 'partLabel', text: 'partText', name: 'partName'};
  const part = (/** @type {string} */ name) => {
    const key = PARTS[name];
    return key ? say(key) : name;
  };
  let m;
  if ((m = /^\$\.organisations\[(\d+)\]\.(.+)$/.exec(path))) {
    const inner = /^description\[(\d+)\]$/.exec(m[2]);
    const fact = /^facts\[(\d+)\]\.(label|text)$/.exec(m[2]);
    const what = inner
      ? say('fieldDescription', {n: n(inner[1])})
      : fact
        ? say('fieldFact', {n: n(fact[1]), part: part(fact[2])})
        : part(m[2]);
    return say('fieldOrganisation', {n: n(m[1]), part: what});
  }
  if ((m = /^\$\.facts\[(\d+)\]\.(label|text)$/.exec(path))) return say('fieldFact', {n: n(m[1]), part: part(m[2])});
  if ((m = /^\$\.description\[(\d+)\]$/.exec(path))) return say('fieldDescription', {n: n(m[1])});
  return (
    /** @type {Partial<Record<string, string>>} */ ({
      '$.name': say('fieldName'),
      '$.shortName': say('fieldShortName'),
      '$.logo.alt': say('fieldLogoAlt'),
      '$.summary': say('fieldSummary'),
    })[path] ?? path
  );
}

/** The boxes for the Danish, one per text, in the card's order. */
function buildEditor() {
  const list = $('texts');
  const units = base.profile ? profileUnits(base.profile) : [];
  list.replaceChildren(
    ...units.map((unit, i) => {
      const item = document.createElement('li');
      // Named as a reader knows the text; the JSON path stays beside it for those who edit the file.
      const label = Object.assign(document.createElement('label'), {htmlFor: `text-${i}`, textContent: fieldLabel(unit.path)});
      const path = Object.assign(document.createElement('code'), {className: 'path', id: `path-${i}`, textContent: unit.path});
      const help = Object.assign(document.createElement('p'), {className: 'hint', id: `hint-${i}`, textContent: hint(unit, ui)});
      const source = Object.assign(document.createElement('p'), {
        className: 'source',
        id: `source-${i}`,
        textContent: unit.source,
        lang: 'en',
      });
      const box = Object.assign(document.createElement('textarea'), {
        id: `text-${i}`,
        value: typed.get(unit.path) ?? unit.target,
        lang: 'da',
        rows: Math.min(8, Math.ceil(unit.source.length / 70) + 1),
      });
      box.setAttribute('aria-describedby', `source-${i} hint-${i} state-${i} path-${i}`);
      box.dataset.path = unit.path;
      box.dataset.original = unit.target;
      const state = Object.assign(document.createElement('p'), {className: 'state', id: `state-${i}`});
      item.append(label, ' ', path, source, box, help, state);
      return item;
    }),
  );
  $('edit-only-danish').hidden = $('lang').value === 'da';
  list.hidden = $('lang').value !== 'da';
}

/** What was typed, applied to the file's own text: the card, the check and the downloads follow. */
async function applyTyped() {
  if (!base.profile) return;
  const texts = new Map([...typed].filter(([, value]) => value.trim()));
  let json = base.text;
  let waiting = [];
  try {
    ({json, waiting} = withTranslations(base.text, texts));
  } catch (error) {
    // Only a mistake of this page's own (a box for a text the file lacks) lands here: said as the code says it.
    report([[inLang(/** @type {Error} */ (error).message, 'en')]], 'bad');
    return;
  }
  for (const box of $('texts').querySelectorAll('textarea')) {
    const state = box.parentElement?.querySelector('.state');
    const list = (box.dataset.path ?? '').replace(/\[\d+\]$/, '');
    if (state) state.textContent = !box.value.trim() ? say('emptyKept') : waiting.includes(list) ? say('waiting', {field: list}) : '';
  }
  const profile = JSON.parse(json);
  const mine = ++latest;
  const rules = await schema;
  if (mine !== latest) return;
  const problems = checkProfile(profile, rules).map(problemLine);
  // A logo named beside its profile must be in the published folder for the card to show it.
  const logo = await logoProblem(profile);
  if (mine !== latest) return;
  if (logo) problems.push([said('logoMissing', {file: logo})]);
  report(
    problems.length ? [[said('problemsCount', {count: problems.length})], ...problems] : [[said('noProblems')]],
    problems.length ? 'bad' : 'good',
  );
  current = profile;
  // `typed` keeps only what differs from the file, so every text in it is a change.
  speak($('edited'), texts.size ? [[said('edited', {count: texts.size})]] : []);
  offer($('download-json'), json, 'application/json', base.file);
  offer($('download-xliff'), exportXliff([{file: base.file, profile}]), 'application/xliff+xml', base.file.replace(/\.json$/, '.da.xlf'));
  $('download-json').textContent = say('downloadJson', {file: base.file});
  showProfile();
}

/** Whether the profile's logo can be loaded where the card looks for it: the logo as the file names it when it cannot. */
/** @param {Profile} profile @returns {Promise<string>} */
function logoProblem(profile) {
  const src = forCards(profile)?.logo?.src;
  if (!src || !/^https?:/.test(src)) return Promise.resolve('');
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => {
      resolve('');
    };
    image.onerror = () => {
      resolve(profile.logo?.src ?? src);
    };
    image.src = src;
  });
}

/** The published profiles (index.json) as the list to choose from; a message on the page when there is none. */
async function listPublished() {
  const own = $('own-option');
  try {
    const response = await fetch(new URL('index.json', PUBLISHED));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const {partners} = await response.json();
    if (!Array.isArray(partners) || !partners.length) throw new Error('no partners in index.json');
    /** @param {{id: string, name?: string | Partial<Record<string, string>>}} p */
    const name = (p) => (typeof p.name === 'string' ? p.name : (p.name?.[ui] ?? p.name?.en ?? p.id));
    own.before(
      ...partners
        .filter((p) => typeof p?.id === 'string')
        .map((p) => Object.assign(new Option(say('published', {name: name(p)}), p.id), {lang: say.lang('published')})),
    );
    const asked = new URLSearchParams(location.search).get('partner');
    $('profile').value = partners.some((p) => p.id === asked) ? asked : partners[0].id;
    return $('profile').value;
  } catch (error) {
    const {message} = /** @type {Error} */ (error);
    console.warn(`translator preview: the published profiles could not be listed: ${message}`);
    pageProblem(withReason('indexFailed', message));
    return '';
  }
}

/** @param {(string | Node)[]} message */
function pageProblem(message) {
  speak($('page-problem'), [message]);
}

/** A download link for `content`: made in the page, nothing leaves it. */
/** @param {HTMLAnchorElement} link @param {string} content @param {string} type @param {string} name */
function offer(link, content, type, name) {
  if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([content], {type}));
  link.download = name;
  link.hidden = false;
}

/** Numbers each load and check as it starts: a slower, older one must not overwrite what a newer one shows (a file pasted while the published profile still loads). */
let latest = 0;

/** A new profile to work on: the published one by id, or the translator's own file. */
/** @param {string} textOrId @param {boolean} fromFile */
async function load(textOrId, fromFile) {
  const mine = ++latest;
  let textValue = textOrId;
  if (!fromFile) {
    try {
      const response = await fetch(new URL(`${textOrId}.json`, PUBLISHED));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      textValue = await response.text();
      if (mine !== latest) return;
    } catch (error) {
      if (mine !== latest) return;
      const {message} = /** @type {Error} */ (error);
      console.warn(`translator preview: the profile "${textOrId}" could not be loaded: ${message}`);
      report([withReason('loadFailed', message)], 'bad');
      return;
    }
  }
  const parsed = parseProfile(textValue);
  if (parsed.error) {
    report([problemLine(parsed.error)], 'bad');
    return;
  }
  base = {text: textValue, profile: parsed.value, file: `${typeof parsed.value?.id === 'string' ? parsed.value.id : 'profile'}.json`};
  typed.clear();
  current = parsed.value;
  buildEditor();
  await applyTyped();
}

/** @param {string} value */
async function checkText(value) {
  if (!value.trim()) {
    $('own-option').disabled = true;
    $('profile').value = $('profile').options.item(0)?.value ?? '';
    report([], '');
    return $('profile').value ? load($('profile').value, false) : undefined;
  }
  $('own-option').disabled = false;
  $('profile').value = '';
  await load(value, true);
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let typing;
$('texts').addEventListener('input', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLTextAreaElement) || !box.dataset.path) return;
  typedAt = performance.now();
  if (box.value === box.dataset.original) typed.delete(box.dataset.path);
  else typed.set(box.dataset.path, box.value);
  clearTimeout(typing);
  typing = setTimeout(applyTyped, 120);
});
$('controls').addEventListener('change', (event) => {
  const control = /** @type {HTMLSelectElement} */ (event.target);
  if (control.id === 'profile' && control.value) {
    $('json').value = '';
    report([], '');
    void load(control.value, false);
    return;
  }
  buildEditor();
  showProfile();
});
/** @type {ReturnType<typeof setTimeout> | undefined} */
let pending;
$('json').addEventListener('input', () => {
  typedAt = performance.now();
  clearTimeout(pending);
  pending = setTimeout(() => checkText($('json').value), 250);
});
$('json').addEventListener('dragover', (event) => {
  event.preventDefault();
});
$('json').addEventListener('drop', (event) => {
  event.preventDefault();
  const file = event.dataTransfer?.files[0];
  if (file) void file.text().then((text) => checkText(($('json').value = text)));
});
$('file').addEventListener('change', () => {
  const file = $('file').files?.[0];
  if (file) void file.text().then((text) => checkText(($('json').value = text)));
});

// Not a top-level await: with one, WebKit's runs of the preview's tests hung or
// lost a pasted file's check (seen here; the cause is not pinned down).
void pageWords(ui).then(async (words) => {
  say = words;
  translatePage();
  if (say.failure) pageProblem([said('wordsFailed', {reason: say.failure})]);
  const before = latest;
  const first = await listPublished();
  // A file the translator pasted meanwhile is what they are working on: the published one does not replace it.
  if (first && latest === before && !$('json').value.trim()) await load(first, false);
});

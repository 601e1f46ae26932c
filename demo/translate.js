// The translator preview: the same card a site shows, side by side with
// English, with the untranslated texts highlighted and listed, and a check of
// a pasted or dropped file in plain words.
import {checkProfile, parseProfile} from '../scripts/profile-check.mjs';
import {untranslated} from '../src/translation-coverage.js';

const $ = (id) => document.getElementById(id);
const target = $('target');
const english = $('english');
const cards = [target, english];
const schema = fetch(new URL('../dist/profile.schema.json', import.meta.url)).then((r) => r.json());
const LANGS = {da: 'Danish', en: 'English'};

/** The profile both cards show now: from the server by id, or the translator's own file. */
let own;

function showProfile() {
  const lang = $('lang').value;
  $('target-label').textContent = LANGS[lang];
  target.lang = lang;
  for (const card of cards) {
    card.variant = $('variant').value;
    if (own) card.profile = own;
    else {
      card.profile = undefined;
      card.partner = $('profile').value;
    }
  }
}

function listMissing(profile) {
  const lang = $('lang').value;
  const missing = profile ? untranslated(profile, lang) : [];
  const rows = $('missing').tBodies[0];
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
      ? 'English is the original: nothing to translate.'
      : missing.length
        ? `${missing.length} text(s) are shown in English because ${LANGS[lang]} is missing.`
        : `Everything is translated into ${LANGS[lang]}.`;
}

function say(items, kind) {
  const box = $('problems');
  box.className = kind;
  box.replaceChildren(...items.map((text) => Object.assign(document.createElement('p'), {textContent: text})));
}

async function checkText(text) {
  if (!text.trim()) {
    own = undefined;
    $('own-option').disabled = true;
    $('profile').value = 'region-southern-denmark';
    say([], '');
    return showProfile();
  }
  const parsed = parseProfile(text);
  if (parsed.error) return say([parsed.error.message], 'bad');
  const problems = checkProfile(parsed.value, await schema);
  say(
    problems.length
      ? [`${problems.length} problem(s) to fix before sending this file:`, ...problems.map((p) => `${p.path} ${p.message}`)]
      : ['No problems found: the file follows the profile format.'],
    problems.length ? 'bad' : 'good',
  );
  own = parsed.value;
  $('own-option').disabled = false;
  $('profile').value = '';
  showProfile();
}

// The list follows what the card shows: a new profile fires load (or error);
// a change of language only re-renders, so the list is redrawn from the last one.
let shown;
target.addEventListener('partner-card-load', (event) => listMissing((shown = event.detail)));
target.addEventListener('partner-card-error', () => listMissing((shown = undefined)));
$('controls').addEventListener('change', (event) => {
  if (event.target.id === 'profile' && event.target.value) {
    own = undefined;
    $('json').value = '';
    say([], '');
  }
  showProfile();
  listMissing(shown);
});

let pending;
$('json').addEventListener('input', () => {
  clearTimeout(pending);
  pending = setTimeout(() => checkText($('json').value), 250);
});
$('json').addEventListener('dragover', (event) => event.preventDefault());
$('json').addEventListener('drop', async (event) => {
  event.preventDefault();
  const file = event.dataTransfer?.files[0];
  if (file) checkText(($('json').value = await file.text()));
});
$('file').addEventListener('change', async () => {
  const file = $('file').files[0];
  if (file) checkText(($('json').value = await file.text()));
});

// The cards get their profile only now, with every listener in place.
showProfile();

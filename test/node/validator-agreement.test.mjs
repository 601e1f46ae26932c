// The module's small run-time validator and a standard JSON Schema validator
// (ajv) must give the same verdict on any profile: thousands of generated
// profiles, valid and subtly invalid, prove it. "Valid" for the card means:
// no error and nothing dropped.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import {loadTypeScript} from '../support/load-typescript.mjs';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('src/profile.schema.json', root), 'utf8'));
const ajv = new Ajv2020({allErrors: true, strict: true}).compile(schema);

// The TypeScript module, bundled as it ships, loaded from memory.
/** @type {{validateProfile: (p: unknown) => {dropped: string[]}, MAX_ITEMS: number}} */
const {validateProfile, MAX_ITEMS} = await loadTypeScript(new URL('shared/profile-validation.ts', root).pathname);

const cardVerdict = (/** @type {unknown} */ profile) => {
  try {
    return validateProfile(profile).dropped.length === 0;
  } catch (error) {
    assert.equal(/** @type {{kind?: string}} */ (error).kind, 'invalid-profile', `unexpected error: ${String(error)}`);
    return false;
  }
};

// Building blocks: mostly valid values, with the near misses authors make.
const word = fc.constantFrom('Odense', 'Sønderborg', 'Région', 'CIMT', '“quoted”', '<b>bold</b>', '0', 'x');
const line = fc.oneof(
  {weight: 6, arbitrary: word},
  fc.constantFrom(
    '',
    ' ',
    '\n\t',
    ' x ',
    'tab\there',
    'lines\r\nbroken',
    'Logo \u001b$B',
    'a\u0000b',
    'x\u007f',
    'next\u0085line',
    'ok\u00a0',
  ),
  fc.string({maxLength: 5}),
);
const text = fc.oneof(
  {weight: 4, arbitrary: line},
  {weight: 4, arbitrary: fc.record({en: line, da: line}, {requiredKeys: ['en']})},
  fc.record({da: line}),
  fc.record({en: line, de: fc.oneof(line, fc.integer())}),
  fc.constantFrom(null, 42, true, ['x']),
);
const lines = fc.array(line, {maxLength: 3});
const paragraphs = fc.oneof(
  {weight: 4, arbitrary: fc.record({en: lines, da: lines}, {requiredKeys: ['en']})},
  fc.record({da: lines}),
  fc.record({en: line}),
  fc.constantFrom('text', [], null),
);
const id = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom('region-southern-denmark', 'a', 'a1-b2', 'x'.repeat(64))},
  fc.constantFrom('A', 'a--b', '-a', 'a-', 'a_b', 'x'.repeat(65), '../x', '', 7),
);
const country = fc.oneof({weight: 4, arbitrary: fc.constantFrom('DK', 'SE', 'DE')}, fc.constantFrom('dk', 'DNK', 'D', '', 45, ' DK'));
const url = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom('https://regionsyddanmark.dk/', 'http://a.example', 'HTTPS://X.EXAMPLE/a?b')},
  fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'ftp://x', ' https://x', 'https://', 'https://a b', '/relative', 5),
);
// A logo is a file in the profiles' folder: the near misses lead out of it (another host, the site root, up a folder, encoded).
const imageSrc = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom('logo.svg', 'logos/rsd.png', 'rsd logo.svg', '..svg', 'a/b/c.svg?v=2')},
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '../img/logo.png',
      '//cdn.example/x.svg',
      'https://x.example/y.png',
      '/x.svg',
      'a/../../x.svg',
      '%2e%2e/x.svg',
      'a\\b.svg',
    ),
  },
  fc.constantFrom('data:image/png;base64,AA', 'javascript:alert(1)', 'java\tscript:x', 'JavaScript:x', 'a:b', '', ' ', 3),
);
const size = fc.oneof({weight: 4, arbitrary: fc.integer({min: 1, max: 2000})}, fc.constantFrom(0, -1, 1.5, '64', null));
const number = fc.oneof(
  {weight: 4, arbitrary: fc.oneof(fc.integer(), fc.double({noNaN: true, noDefaultInfinity: true}), fc.constantFrom(0, -0, 1e21))},
  fc.constantFrom('1', '25.000', null, true),
);
const numericFact = fc.record(
  {
    label: text,
    value: number,
    unit: fc.oneof({weight: 3, arbitrary: fc.constantFrom('EUR', 'DKK')}, fc.constantFrom('eur', 'EURO', '€', 1)),
    per: fc.oneof({weight: 3, arbitrary: fc.constantFrom('year', 'month')}, fc.constantFrom('week', 'Year', 1)),
    approximate: fc.oneof({weight: 3, arbitrary: fc.boolean()}, fc.constantFrom('yes', 1, null)),
  },
  {requiredKeys: []},
);
const fact = fc.oneof(
  {weight: 3, arbitrary: numericFact},
  {weight: 2, arbitrary: fc.record({label: text, text}, {requiredKeys: []})},
  fc.record({label: text, value: number, text}),
  fc.constantFrom(null, 'fact', []),
);
const facts = fc.oneof(
  {weight: 8, arbitrary: fc.array(fact, {maxLength: 4})},
  fc.array(fc.constant({label: 'x', value: 1}), {minLength: MAX_ITEMS, maxLength: MAX_ITEMS + 2}),
  fc.constantFrom({}, 'facts', null),
);
const logo = fc.oneof(
  {weight: 4, arbitrary: fc.record({src: imageSrc, alt: text, width: size, height: size}, {requiredKeys: []})},
  fc.constantFrom('logo.svg', null),
);
const organisation = fc.oneof(
  {weight: 4, arbitrary: fc.record({name: text, website: url, description: paragraphs, facts}, {requiredKeys: []})},
  fc.constantFrom(null, 'OUH', []),
);
const profile = fc.record(
  {
    id,
    name: text,
    shortName: text,
    country,
    logo,
    website: url,
    summary: text,
    description: paragraphs,
    facts,
    organisations: fc.oneof({weight: 8, arbitrary: fc.array(organisation, {maxLength: 3})}, fc.constantFrom({}, null)),
    extra: fc.constantFrom('ignored by both', 1),
  },
  {requiredKeys: []},
);

// Profiles that should pass, and the same with exactly one near miss: the
// interesting cases are those one step from valid.
const good = {
  line: word.filter((w) => /\S/.test(w)),
  get text() {
    return fc.oneof(this.line, fc.record({en: this.line, da: this.line}, {requiredKeys: ['en']}));
  },
};
const goodLines = fc.array(good.line, {maxLength: 3});
const goodFact = fc.oneof(
  fc.record(
    {
      label: good.text,
      value: fc.oneof(fc.integer(), fc.double({noNaN: true, noDefaultInfinity: true})),
      unit: fc.constantFrom('EUR', 'DKK'),
      per: fc.constantFrom('year', 'month'),
      approximate: fc.boolean(),
    },
    {requiredKeys: ['label', 'value']},
  ),
  fc.record({label: good.text, text: good.text}),
);
const goodProfile = fc.record(
  {
    id: fc.constantFrom('region-southern-denmark', 'a', 'a1-b2'),
    name: good.text,
    shortName: good.text,
    country: fc.constantFrom('DK', 'SE'),
    logo: fc.record({
      src: fc.constantFrom('logo.svg', 'logos/rsd.png', 'a b.svg'),
      alt: good.text,
      width: fc.integer({min: 1, max: 500}),
      height: fc.integer({min: 1, max: 500}),
    }),
    website: fc.constantFrom('https://regionsyddanmark.dk/', 'http://a.example'),
    summary: good.text,
    description: fc.record({en: goodLines.filter((l) => l.length > 0), da: goodLines}, {requiredKeys: ['en']}),
    facts: fc.array(goodFact, {maxLength: 3}),
    organisations: fc.array(
      fc.record(
        {name: good.text, website: fc.constant('https://ouh.dk/'), facts: fc.array(goodFact, {maxLength: 2})},
        {requiredKeys: ['name']},
      ),
      {maxLength: 2},
    ),
  },
  {requiredKeys: ['id', 'name', 'country', 'summary']},
);
const bad = {
  text: fc.constantFrom('', ' ', null, 42, {da: 'x'}, {en: ''}, {en: 'x', da: ' '}, {en: 'x', de: 1}, ['x']),
};
/** @typedef {Record<string, unknown>} Draft */
/** @param {string} key @param {fc.Arbitrary<unknown>} arb */
const set = (key, arb) => arb.map((value) => (/** @type {Draft} */ p) => ({...p, [key]: value}));
/** @param {string} key @param {fc.Arbitrary<unknown>} arb */
const inList = (key, arb) =>
  fc.tuple(arb, fc.nat(3)).map(([value, i]) => (/** @type {Draft} */ p) => {
    const existing = /** @type {unknown[] | undefined} */ (p[key]);
    const list = [...(existing ?? [])];
    list.splice(Math.min(i, list.length), 0, value);
    return {...p, [key]: list};
  });
const oneNearMiss = fc.oneof(
  fc.constantFrom('id', 'name', 'country', 'summary').map((key) => (/** @type {Draft} */ p) => {
    return Object.fromEntries(Object.entries(p).filter(([name]) => name !== key));
  }),
  set('id', fc.constantFrom('A', 'a--b', '-a', 'a_b', 'x'.repeat(65), '../x', '')),
  set('name', bad.text),
  set('summary', bad.text),
  set('shortName', bad.text),
  set('country', fc.constantFrom('dk', 'DNK', 'D', '', ' DK')),
  set('website', fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'ftp://x', ' https://x', 'https://', '/relative')),
  set(
    'logo',
    fc.constantFrom(
      {src: 'data:image/png;base64,AA', alt: 'x', width: 1, height: 1},
      {src: 'java\tscript:x', alt: 'x', width: 1, height: 1},
      {src: 'JavaScript:x', alt: 'x', width: 1, height: 1},
      {src: ' ', alt: 'x', width: 1, height: 1},
      {src: 'a.svg', alt: 'x', width: 0, height: 1},
      {src: 'a.svg', alt: 'x', width: 1.5, height: 1},
      {src: 'a.svg', alt: {da: 'x'}, width: 1, height: 1},
      {src: 'a.svg', width: 1, height: 1},
    ),
  ),
  set('description', fc.constantFrom({en: []}, {en: 'one string'}, {da: ['x']}, {en: ['x', ' ']}, 'text')),
  inList(
    'facts',
    fc.constantFrom(
      {label: 'x', value: '1'},
      {label: 'x', value: 1, unit: 'eur'},
      {label: 'x', value: 1, unit: '€'},
      {label: 'x', value: 1, per: 'week'},
      {label: 'x', value: 1, approximate: 'yes'},
      {label: '', value: 1},
      {label: 'x'},
      {value: 1},
      {label: 'x', text: ''},
      {label: 'x', value: 1, text: 'both'},
    ),
  ),
  set('facts', fc.constant(Array.from({length: MAX_ITEMS + 1}, (_, i) => ({label: 'x', value: i})))),
  inList('organisations', fc.constantFrom({name: ''}, {}, {name: 'x', website: 'javascript:x'}, {name: 'x', facts: [{label: 'x'}]})),
);
const profileToCheck = fc.oneof(
  {weight: 3, arbitrary: goodProfile},
  {weight: 5, arbitrary: fc.tuple(goodProfile, oneNearMiss).map(([p, miss]) => /** @type {(p: unknown) => unknown} */ (miss)(p))},
  {weight: 2, arbitrary: profile},
);

const RUNS = 5000;

test(`run-time validator and ajv agree on ${RUNS} generated profiles`, () => {
  let valid = 0;
  fc.assert(
    fc.property(profileToCheck, (generated) => {
      // As fetched: JSON has no undefined, NaN or Infinity.
      const json = JSON.parse(JSON.stringify(generated));
      const verdict = ajv(json);
      if (verdict) valid++;
      assert.equal(cardVerdict(json), verdict, JSON.stringify(ajv.errors?.slice(0, 3)));
    }),
    {numRuns: RUNS, seed: Number(process.env.FC_SEED ?? 20261125)},
  );
  // Both kinds must really occur, or the agreement says little.
  assert.ok(valid > RUNS * 0.2, `only ${valid} valid profiles were generated`);
  assert.ok(valid < RUNS * 0.8, `only ${RUNS - valid} invalid profiles were generated`);
  console.log(`# agreement: ${RUNS} profiles, ${valid} valid and ${RUNS - valid} invalid by both`);
});

test('the validator never throws anything but invalid-profile, whatever the JSON', () => {
  fc.assert(
    fc.property(fc.jsonValue({maxDepth: 6}), (value) => {
      cardVerdict(value);
    }),
    {numRuns: 5000, seed: 7},
  );
});

// The published JSON Schema accepts every sample profile and rejects the broken fixtures.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import {checkProfile, parseProfile} from '../../scripts/profile-check.mjs';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('src/profile.schema.json', root), 'utf8'));
const validate = new Ajv2020({allErrors: true, strict: true}).compile(schema);
const read = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

const samples = readdirSync(new URL('demo/embed/partners/', root)).filter((f) => f.endsWith('.json'));

test('there are sample profiles to check', () => {
  assert.ok(samples.includes('region-southern-denmark.json'));
});

for (const file of samples) {
  test(`sample ${file} is valid against the schema and named after its id`, () => {
    const profile = read(`demo/embed/partners/${file}`);
    assert.ok(validate(profile), JSON.stringify(validate.errors, null, 2));
    assert.equal(`${profile.id}.json`, file);
  });
}

test('the sample of the Region of Southern Denmark is fully translated into Danish', () => {
  const missing = [];
  const walk = (value, path) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      if ('en' in value && !('da' in value)) missing.push(path);
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    }
  };
  walk(read('demo/embed/partners/region-southern-denmark.json'), '$');
  assert.deepEqual(missing, []);
});

test('the schema rejects what the card rejects', () => {
  const base = read('demo/embed/partners/region-southern-denmark.json');
  const broken = {
    'missing summary': {...base, summary: undefined},
    'lower-case country': {...base, country: 'dk'},
    'id with a path': {...base, id: '../x'},
    'text without English': {...base, name: {da: 'Kun dansk'}},
    'blank name': {...base, name: '   '},
    'HTML is still just a string, but a number is not text': {...base, summary: 42},
    'javascript: website': {...base, website: 'javascript:alert(1)'},
    'fact with a bad unit': {...base, facts: [{label: 'x', value: 1, unit: 'euro'}]},
    'fact with value as string': {...base, facts: [{label: 'x', value: '1'}]},
    'logo without size': {...base, logo: {src: 'a.svg', alt: 'a'}},
    'paragraphs as a string': {...base, description: {en: 'not a list'}},
  };
  for (const [name, profile] of Object.entries(broken)) {
    const clean = JSON.parse(JSON.stringify(profile));
    assert.equal(validate(clean), false, name);
    // The plain-words checker agrees, and names where.
    const problems = checkProfile(clean, schema);
    assert.ok(problems.length > 0, name);
    assert.ok(problems.every((p) => p.path.startsWith('$') && p.message.length > 10), name);
  }
  assert.deepEqual(checkProfile(base, schema), []);
});

test('the plain-words checker explains problems a translator can act on', () => {
  const base = read('demo/embed/partners/region-southern-denmark.json');
  const said = (profile) => checkProfile(JSON.parse(JSON.stringify(profile)), schema).map((p) => `${p.path} ${p.message}`);
  assert.match(said({...base, summary: undefined})[0], /^\$\.summary is missing: add "summary"\./);
  assert.match(said({...base, name: {da: 'Kun dansk'}})[0], /^\$\.name\.en is missing/);
  assert.match(said({...base, country: 'dk'})[0], /^\$\.country is "dk", which does not fit\. ISO 3166-1/);
  assert.match(said({...base, facts: [{label: 'x', value: '25.000'}]})[0], /^\$\.facts\[0\]\.value should be a number \(without quotes\), but is "25\.000"/);
  assert.match(said({...base, facts: [{label: {en: 'x', da: ' '}, value: 1}]})[0], /^\$\.facts\[0\]\.label\.da is empty/);
  const json = parseProfile('{\n  "id": "x",\n  "name": "y"\n  "country": "DK"\n}');
  assert.equal(json.error.line, 4);
  assert.match(json.error.message, /not valid JSON: expected , or \} \(a comma between fields\?\) at line 4, column 3/);
  assert.match(parseProfile('{"a": [1, 2,]}').error.message, /a comma too many before \] at line 1, column 13/);
  assert.match(parseProfile('{"a": "open\n}').error.message, /must end with " on the same line/);
  assert.deepEqual(parseProfile('{"a": [1, {"b": null}]}'), {value: {a: [1, {b: null}]}});
});

test('the plain-words checker and ajv agree on the fixtures', () => {
  for (const file of readdirSync(new URL('test/fixtures/partners/', root)).filter((f) => f.endsWith('.json'))) {
    const parsed = parseProfile(readFileSync(new URL(`test/fixtures/partners/${file}`, root), 'utf8'));
    if (parsed.error) continue;
    assert.equal(checkProfile(parsed.value, schema).length === 0, validate(parsed.value), file);
  }
});

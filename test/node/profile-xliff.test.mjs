// Profile texts through XLIFF: npm run i18n:export-profiles and
// npm run i18n:import-profiles, on the demo profiles and on random ones
// (fast-check), and every refusal with its exit code and message; the stale
// Danish that npm run i18n:check finds through .translated-from.json.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {main as exportProfiles} from '../../tools/cli/export-profiles.mjs';
import {main as importProfiles} from '../../tools/cli/import-profiles.mjs';
import {profileUnits} from '../../shared/profile-xliff.mjs';
import {escapeXml} from '../../shared/xliff.mjs';
import {profileProblems} from '../../node/profile-files.mjs';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../../', import.meta.url).pathname;
const SAMPLE = 'region-southern-denmark';

/** A fresh folder; with `profiles` written into it as `<id>.json` (text as given, or JSON in a layout). */
function folder(/** @type {Record<string, string>} */ files = {}) {
  const dir = tempFolder('xliff');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const demoFolder = () => {
  const dir = folder();
  cpSync(join(root, 'demo/embed/partners'), dir, {recursive: true, filter: (f) => !f.endsWith('index.json')});
  return dir;
};
/** Every file of a folder, by name, as bytes. @param {string} dir */
const snapshot = (dir) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

/** Runs a command's main() with its console captured. @param {(args: string[]) => number} main @param {string[]} args */
function run(main, args) {
  /** @type {string[]} */
  const lines = [];
  const saved = {log: console.log, warn: console.warn, error: console.error};
  console.log = console.warn = console.error = (/** @type {unknown[]} */ ...parts) => void lines.push(parts.join(' '));
  try {
    return {code: main(args), out: lines.join('\n')};
  } finally {
    Object.assign(console, saved);
  }
}
const exportTo = (/** @type {string[]} */ dirs) => {
  const out = join(tempFolder('xlf'), 'profiles.xlf');
  const result = run(exportProfiles, [...dirs, '--out', out]);
  return {...result, file: out, xml: existsSync(out) ? readFileSync(out, 'utf8') : ''};
};
const importFrom = (/** @type {string} */ xml, /** @type {string} */ dir) => {
  const file = join(tempFolder('xlf'), 'back.xlf');
  writeFileSync(file, xml);
  return run(importProfiles, [file, dir]);
};
/** The XLIFF with `target` (plain text, escaped here) as the target of unit `id`, replacing any. */
function translate(/** @type {string} */ xml, /** @type {string} */ id, /** @type {string} */ target) {
  const start = xml.indexOf(`<trans-unit id="${escapeXml(id).replace(/"/g, '&quot;')}"`);
  assert.ok(start >= 0, `unit ${id} is in the file`);
  const end = xml.indexOf('</trans-unit>', start);
  const unit = xml.slice(start, end).replace(/\n\s*<target[^]*?<\/target>/, '');
  const withTarget = unit.replace(/(<\/source>)/, `$1\n        <target>${escapeXml(target)}</target>`);
  return xml.slice(0, start) + withTarget + xml.slice(end);
}

test('the demo profiles: export, then import the unchanged file: no file changes, not even a record', () => {
  const dir = demoFolder();
  const before = snapshot(dir);
  const exported = exportTo([dir]);
  assert.equal(exported.code, 0, exported.out);
  assert.match(
    exported.out,
    /^Wrote .*: 26 text\(s\) of 1 partner\(s\); 26 with Danish \(0 of them to review: their English changed\), 0 without\.$/,
  );
  const ids = [...exported.xml.matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1]);
  // In the card's order: name, logo text, summary, the description's paragraphs, the figures, the organisations.
  assert.deepEqual(ids.slice(0, 5), [
    `${SAMPLE}:$.name`,
    `${SAMPLE}:$.logo.alt`,
    `${SAMPLE}:$.summary`,
    `${SAMPLE}:$.description[0]`,
    `${SAMPLE}:$.description[1]`,
  ]);
  assert.ok(!ids.includes(`${SAMPLE}:$.shortName`), 'a plain string (the same in every language) is not a unit');
  assert.match(
    exported.xml,
    /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<xliff version="1\.2" xmlns="urn:oasis:names:tc:xliff:document:1\.2">/,
  );
  assert.match(
    exported.xml,
    /<note from="partner-card">Region of Southern Denmark \(region-southern-denmark\), \$\.summary\. The one-paragraph summary under the name\. In lists \(the compact card\) only its first three lines show, about 180 characters/,
  );
  const imported = importFrom(exported.xml, dir);
  assert.equal(imported.code, 0, imported.out);
  assert.equal(imported.out, '0 text(s) imported, 26 unchanged, 0 without a translation, 0 refused. 0 profile(s) changed.');
  assert.deepEqual(snapshot(dir), before);
});

test('a translator fills two targets: exactly those become Danish, the rest of the file stays byte for byte, and the record says what they were translated from', () => {
  const original = readFileSync(join(root, `demo/embed/partners/${SAMPLE}.json`), 'utf8');
  const without = original
    .replace(/,\n    "da": "En af Danmarks[^"]*"/, '')
    .replace('{ "en": "Employees", "da": "Ansatte" }', '{ "en": "Employees" }');
  assert.notEqual(without, original);
  const dir = folder({[`${SAMPLE}.json`]: without});
  let {xml} = exportTo([dir]);
  xml = translate(xml, `${SAMPLE}:$.summary`, 'En af fem regioner i Danmark.');
  xml = translate(xml, `${SAMPLE}:$.facts[1].label`, 'Medarbejdere');
  const result = importFrom(xml, dir);
  assert.equal(result.code, 0, result.out);
  assert.equal(result.out, '2 text(s) imported, 24 unchanged, 0 without a translation, 0 refused. 1 profile(s) changed.');
  const after = readFileSync(join(dir, `${SAMPLE}.json`), 'utf8');
  const expected = without
    .replace(/("en": "One of Denmark's[^"]*")/, '$1,\n    "da": "En af fem regioner i Danmark."')
    .replace('{ "en": "Employees" }', '{ "en": "Employees", "da": "Medarbejdere" }');
  assert.equal(after, expected);
  const record = JSON.parse(readFileSync(join(dir, '.translated-from.json'), 'utf8'));
  assert.deepEqual(record, {[SAMPLE]: {'$.facts[1].label': 'Employees', '$.summary': JSON.parse(original).summary.en}});
});

test('stale: the English changed since the export; the old Danish is refused, named, and nothing is written (exit 1)', () => {
  const dir = demoFolder();
  let {xml} = exportTo([dir]);
  xml = translate(xml, `${SAMPLE}:$.name`, 'Region Syddanmark (ny)');
  xml = translate(xml, `${SAMPLE}:$.summary`, 'Et nyt resumé.');
  const file = join(dir, `${SAMPLE}.json`);
  writeFileSync(file, readFileSync(file, 'utf8').replace("One of Denmark's five regions", 'One of the five regions of Denmark'));
  const before = snapshot(dir);
  const result = importFrom(xml, dir);
  assert.equal(result.code, 1);
  assert.match(
    result.out,
    /^error: unit "region-southern-denmark:\$\.summary": the English changed since the export: it was "One of Denmark's five regions, [^"]*", it is now "One of the five regions of Denmark, [^"]*"\. The Danish was made for the old English and is not written: export again and translate this text anew$/m,
  );
  assert.match(
    result.out,
    /^1 text\(s\) imported, 24 unchanged, 0 without a translation, 1 refused\. Because of the error\(s\) above, no file was written\.$/m,
  );
  assert.deepEqual(snapshot(dir), before);
});

test('an English source edited in the file is told apart from a profile changed since the export, each with what to do', () => {
  const dir = demoFolder();
  const {xml} = exportTo([dir]);
  const before = snapshot(dir);
  const edited = importFrom(xml.replace("<source>One of Denmark's five regions", '<source>One of the five Danish regions'), dir);
  assert.equal(edited.code, 1);
  assert.match(
    edited.out,
    /^error: unit "region-southern-denmark:\$\.summary": its English source was edited in the file \(it reads "One of the five Danish regions, [^"]*"; the export wrote "One of Denmark's five regions, [^"]*", which the profile still has\)\. Sources must stay as exported: restore it, and put your words in the target$/m,
  );
  // A tool that drops the fingerprint: both causes are named.
  const unmarked = importFrom(
    xml.replaceAll(/ extradata="[^"]*"/g, '').replace("<source>One of Denmark's five regions", '<source>One of the five Danish regions'),
    dir,
  );
  assert.match(
    unmarked.out,
    /its English source \("One of the five Danish regions, [^"]*"\) is not the profile's \("One of Denmark's five regions, [^"]*"\): either the partner changed the English since the export \(export again and translate this text anew\) or the source was edited in the file \(restore it\)/,
  );
  assert.deepEqual(snapshot(dir), before);
});

test('a bare & in a target, as a text editor leaves it: the message says to write &amp;', () => {
  const dir = demoFolder();
  const {xml} = exportTo([dir]);
  const result = importFrom(translate(xml, `${SAMPLE}:$.summary`, 'PLACEHOLDER').replace('PLACEHOLDER', 'Sundhed & pleje'), dir);
  assert.equal(result.code, 1);
  assert.match(
    result.out,
    /not well-formed XML \(char '&' is not expected\.\): write & as &amp; and < as &lt; inside a text\. Nothing was imported\.$/,
  );
});

test('an id that matches no text, or no partner, or is no id at all: refused by name, nothing written', () => {
  const dir = demoFolder();
  const {xml} = exportTo([dir]);
  const extra = (/** @type {string} */ id) =>
    xml.replace('    </body>', `      <trans-unit id="${id}"><source>X</source><target>Y</target></trans-unit>\n    </body>`);
  const before = snapshot(dir);
  for (const [id, message] of [
    [`${SAMPLE}:$.motto`, `matches no text of`],
    [`${SAMPLE}:$.shortName`, 'matches no text of'],
    ['no-such-partner:$.name', `there is no profile "no-such-partner" in ${dir}`],
    ['summary', 'its id is not "<partner>:<JSON path>"'],
  ]) {
    const result = importFrom(extra(id), dir);
    assert.equal(result.code, 1, id);
    assert.ok(result.out.includes(`error: unit "${id}": ${message}`), `${id}:\n${result.out}`);
    assert.match(result.out, /no file was written\.$/);
    // Each says the id may have been edited, the likeliest cause when the text or partner exists.
    assert.ok(/id was edited|was the id edited/.test(result.out), result.out);
  }
  const twice = importFrom(
    xml.replace('    </body>', `${/<trans-unit id="region-southern-denmark:\$\.name"[^]*?<\/trans-unit>/.exec(xml)?.[0]}\n    </body>`),
    dir,
  );
  assert.match(twice.out, /^error: unit "region-southern-denmark:\$\.name": appears twice in the file: keep one$/m);
  assert.deepEqual(snapshot(dir), before);
});

test('not XLIFF: malformed XML names the line; another XLIFF version or no <xliff> is refused; exit 1, nothing written', () => {
  const dir = demoFolder();
  const {xml} = exportTo([dir]);
  const before = snapshot(dir);
  const cut = importFrom(xml.slice(0, 1200), dir);
  assert.equal(cut.code, 1);
  assert.match(cut.out, /^error: .*back\.xlf: line \d+, column \d+: not well-formed XML \(.*\)\. Nothing was imported\.$/);
  const v2 = importFrom(xml.replace('<xliff version="1.2"', '<xliff version="2.0"'), dir);
  assert.match(v2.out, /XLIFF version 2\.0, not 1\.2: export the file from your tool as XLIFF 1\.2\. Nothing was imported\.$/);
  const other = importFrom('<?xml version="1.0"?><html><body/></html>', dir);
  assert.match(other.out, /not an XLIFF file \(no <xliff> element\)\. Nothing was imported\.$/);
  for (const result of [v2, other]) assert.equal(result.code, 1);
  assert.deepEqual(snapshot(dir), before);
});

test('a DOCTYPE or an entity declaration: refused in one line naming the file and line, never a stack trace; nothing written', () => {
  const dir = demoFolder();
  const {xml} = exportTo([dir]);
  const before = snapshot(dir);
  const declarations = [
    '<!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE xliff [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "http://www.oasis-open.org/committees/xliff/documents/xliff.dtd">',
  ];
  for (const declaration of declarations) {
    const result = importFrom(xml.replace('?>\n', `?>\n\n${declaration}\n`), dir);
    assert.equal(result.code, 1, declaration);
    assert.match(
      result.out,
      /^error: .*back\.xlf: line 3: <!DOCTYPE> is not allowed in an XLIFF file \(a DTD can define entities that read other files\): delete that declaration, or export the file again without one\. Nothing was imported\.$/,
    );
  }
  const entity = importFrom(xml.replace('<xliff ', '<!ENTITY x "y">\n<xliff '), dir);
  assert.match(entity.out, /^error: .*back\.xlf: line 2: <!ENTITY> is not allowed/);
  assert.deepEqual(snapshot(dir), before);
});

test('entities and markup stay text: <b>, &amp; and ]]> in a target arrive as written; a tag inside a target is refused', () => {
  const dir = demoFolder();
  let {xml} = exportTo([dir]);
  const tricky = 'Fed <b>tekst</b> & "citat" ]]> <script>alert(1)</script> &amp; slut';
  xml = translate(xml, `${SAMPLE}:$.summary`, tricky);
  assert.ok(xml.includes('Fed &lt;b&gt;tekst&lt;/b&gt; &amp; "citat" ]]&gt; &lt;script&gt;'), 'escaped in the file');
  const result = importFrom(xml, dir);
  assert.equal(result.code, 0, result.out);
  assert.equal(JSON.parse(readFileSync(join(dir, `${SAMPLE}.json`), 'utf8')).summary.da, tricky);
  const exportedAgain = exportTo([dir]).xml;
  assert.ok(exportedAgain.includes(`<target state="translated">${escapeXml(tricky)}</target>`));
  const markup = exportedAgain.replace(/<target state="translated">Fed [^<]*/, '<target state="translated">Fed <g id="1">tekst</g>');
  const refused = importFrom(markup, dir);
  assert.equal(refused.code, 1);
  assert.match(
    refused.out,
    /^error: unit "region-southern-denmark:\$\.summary": its target holds markup \(<g>\): write plain text only \(your tool may have added tags\)$/m,
  );
});

test('characters outside the BMP, combining accents, quotes, backslashes and line breaks survive the round trip exactly', () => {
  const dir = demoFolder();
  let {xml} = exportTo([dir]);
  const text = 'Sønderborg 😀 𝔄 Cafe\u0301 "x" \\ a\r\nb\tc';
  xml = translate(xml, `${SAMPLE}:$.facts[0].label`, text);
  const result = importFrom(xml, dir);
  assert.equal(result.code, 0, result.out);
  assert.equal(JSON.parse(readFileSync(join(dir, `${SAMPLE}.json`), 'utf8')).facts[0].label.da, text);
});

test('an empty folder: export refuses (exit 1, no file); import into it refuses every unit', () => {
  const empty = folder();
  const exported = exportTo([empty]);
  assert.equal(exported.code, 1);
  assert.match(exported.out, new RegExp(`^error: ${empty}: there are no profiles \\(<id>\\.json\\) in it$`, 'm'));
  assert.equal(exported.xml, '');
  const {xml} = exportTo([demoFolder()]);
  const imported = importFrom(translate(xml, `${SAMPLE}:$.name`, 'Navn'), empty);
  assert.equal(imported.code, 1);
  assert.match(imported.out, /^error: unit "region-southern-denmark:\$\.name": there is no profile "region-southern-denmark" in /m);
  assert.deepEqual(readdirSync(empty), []);
});

test('a list of paragraphs gets its Danish only once every paragraph has one', () => {
  const original = JSON.parse(readFileSync(join(root, `demo/embed/partners/${SAMPLE}.json`), 'utf8'));
  delete original.description.da;
  const text = `${JSON.stringify(original, null, 2)}\n`;
  const dir = folder({[`${SAMPLE}.json`]: text});
  let {xml} = exportTo([dir]);
  xml = translate(xml, `${SAMPLE}:$.description[0]`, 'Første afsnit.');
  const partial = importFrom(xml, dir);
  assert.equal(partial.code, 0);
  assert.match(
    partial.out,
    /^waiting: .*: \$\.description: not every paragraph has Danish yet; the Danish list is written once all have$/m,
  );
  assert.equal(readFileSync(join(dir, `${SAMPLE}.json`), 'utf8'), text);
  for (const i of [1, 2, 3]) xml = translate(xml, `${SAMPLE}:$.description[${i}]`, `Afsnit ${i + 1}.`);
  const whole = importFrom(xml, dir);
  assert.equal(whole.code, 0, whole.out);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, `${SAMPLE}.json`), 'utf8')).description.da, [
    'Første afsnit.',
    'Afsnit 2.',
    'Afsnit 3.',
    'Afsnit 4.',
  ]);
});

test('i18n:check finds Danish whose English changed since the import; a hand-edited profile without a record is no error; a reviewed target clears it', () => {
  const dir = demoFolder();
  let {xml} = exportTo([dir]);
  xml = translate(xml, `${SAMPLE}:$.facts[1].label`, 'Medarbejdere');
  assert.equal(importFrom(xml, dir).code, 0);
  const check = () => {
    try {
      return {code: 0, out: execFileSync(process.execPath, [join(root, 'tools/cli/i18n-check.mjs'), dir], {cwd: root, encoding: 'utf8'})};
    } catch (error) {
      return {code: /** @type {{status: number}} */ (error).status, out: /** @type {{stdout: string}} */ (error).stdout};
    }
  };
  assert.equal(check().code, 0, check().out);
  const file = join(dir, `${SAMPLE}.json`);
  // Changed by hand, where the record has nothing (the website's label): not reported.
  writeFileSync(file, readFileSync(file, 'utf8').replace('"Inhabitants"', '"Residents"').replace('"en": "Employees"', '"en": "Staff"'));
  const stale = check();
  assert.equal(stale.code, 1);
  // (The "where" column holds the file and the path, clipped to its width: any text between.)
  assert.match(stale.out, /profile text: Danish older\s+.*\s+Staff \(translated from: Employees\)/);
  assert.match(stale.out, /the Danish was translated from\n {2}"Employees"\nbut the English is now\n {2}"Staff"/);
  assert.ok(!stale.out.includes('Residents'), 'a text without a record is not checked');
  assert.match(stale.out, /1 translated from an English that has changed since\./);
  // Not "0 problem(s)" and exit 1: the last line says what stops it.
  assert.match(stale.out, /\n1 row\(s\) above to fix: exit code 1\./);
  // The next export marks it for review; the translator confirms the Danish (state "translated"): the record follows.
  const again = exportTo([dir]).xml;
  assert.match(again, /<source>Staff<\/source>\n {8}<target state="needs-review-translation">Medarbejdere<\/target>/);
  const unchanged = importFrom(again, dir);
  assert.equal(unchanged.code, 0);
  assert.equal(check().code, 1, 'an untouched "needs review" target does not clear it');
  const reviewed = importFrom(
    again.replace('<target state="needs-review-translation">Medarbejdere', '<target state="translated">Medarbejdere'),
    dir,
  );
  assert.equal(reviewed.code, 0, reviewed.out);
  assert.equal(check().code, 0, check().out);
});

// --- Random profiles --------------------------------------------------------------------------

/** Text that XML and the schema can carry: something visible, with the characters that break naive code. */
const line = fc
  .array(
    fc.constantFrom(
      'a',
      'Z',
      'æ',
      'ø',
      'Å',
      ' ',
      '<',
      '>',
      '&',
      '"',
      "'",
      ']]>',
      '\\',
      '\n',
      '\r',
      '\t',
      '😀',
      'e\u0301',
      '&amp;',
      '<b>',
      '{',
      '}',
    ),
    {maxLength: 12},
  )
  .map((parts) => `x${parts.join('')}`);
const optionalDa = (/** @type {fc.Arbitrary<any>} */ arb) => fc.option(arb, {nil: undefined});
const text = fc.oneof(
  line,
  fc.record({en: line, da: optionalDa(line)}).map(({en, da}) => (da === undefined ? {en} : {en, da})),
);
const paragraphs = fc
  .record({en: fc.array(line, {minLength: 1, maxLength: 3}), da: optionalDa(fc.array(line, {minLength: 1, maxLength: 3}))})
  .map(({en, da}) => (da === undefined ? {en} : {en, da}));
const fact = fc.oneof(fc.record({label: text, value: fc.integer({min: 0, max: 1e9})}), fc.record({label: text, text}));
const profile = fc
  .record(
    {
      name: text,
      shortName: text,
      country: fc.constantFrom('DK', 'SE', 'DE'),
      summary: text,
      description: paragraphs,
      facts: fc.array(fact, {maxLength: 3}),
      organisations: fc.array(
        fc.record({name: text, description: paragraphs, facts: fc.array(fact, {maxLength: 2})}, {requiredKeys: ['name']}),
        {maxLength: 2},
      ),
    },
    {requiredKeys: ['name', 'country', 'summary']},
  )
  .map((p) => ({id: 'random-partner', ...p}));
const layouts = [
  (/** @type {unknown} */ p) => JSON.stringify(p, null, 2),
  (/** @type {unknown} */ p) => JSON.stringify(p),
  (/** @type {unknown} */ p) => `${JSON.stringify(p, null, '\t')}\n`,
];

test('random profiles and random targets: import(export(p)) keeps every English and non-text field exactly, and adds exactly the filled targets', () => {
  fc.assert(
    fc.property(profile, fc.nat(layouts.length - 1), fc.infiniteStream(fc.option(line, {freq: 2})), (p, layout, targets) => {
      assert.deepEqual(profileProblems(JSON.stringify(p), 'random-partner.json'), [], 'the generator makes valid profiles');
      const source = layouts[layout](p);
      const dir = folder({'random-partner.json': source});
      try {
        let {xml} = exportTo([dir]);
        const units = profileUnits(p);
        /** @type {Map<string, string>} */
        const filled = new Map();
        for (const unit of units) {
          const target = targets.next().value;
          if (target === null || target === unit.target) continue;
          filled.set(unit.path, target);
          xml = translate(xml, unit.id, target);
        }
        const result = importFrom(xml, dir);
        assert.equal(result.code, 0, result.out);
        const after = readFileSync(join(dir, 'random-partner.json'), 'utf8');
        if (!filled.size) assert.equal(after, source, 'nothing new: the file is untouched');
        // What the import must have made: p with exactly the filled targets as Danish (a list once complete).
        const expected = structuredClone(p);
        for (const unit of units) {
          const value = filled.get(unit.path);
          if (value === undefined) continue;
          /** @type {any} */
          let holder = expected;
          for (const s of unit.segments) holder = holder[s];
          if (unit.paragraph === undefined) holder.da = value;
          else {
            const list = units.filter((u) => u.segments.join() === unit.segments.join());
            const merged = list.map((u) => filled.get(u.path) ?? u.target);
            if (merged.every(Boolean)) holder.da = merged;
          }
        }
        assert.deepEqual(JSON.parse(after), expected);
      } finally {
        rmSync(dir, {recursive: true, force: true});
      }
    }),
    {numRuns: 150},
  );
});

test('export: Danish made from the current English is approved and translated; Danish from an older English is for review, not approved', () => {
  const dir = demoFolder();
  let {xml} = exportTo([dir]);
  assert.match(xml, /<trans-unit id="region-southern-denmark:\$\.summary" extradata="en:[0-9a-f]{8}" xml:space="preserve" approved="yes">/);
  const file = join(dir, `${SAMPLE}.json`);
  writeFileSync(file, readFileSync(file, 'utf8').replace("One of Denmark's five regions", 'One of the five regions of Denmark'));
  // The record of what the Danish was made from, as an import leaves it.
  writeFileSync(
    join(dir, '.translated-from.json'),
    JSON.stringify({
      [SAMPLE]: {'$.summary': JSON.parse(readFileSync(join(root, 'demo/embed/partners', `${SAMPLE}.json`), 'utf8')).summary.en},
    }),
  );
  ({xml} = exportTo([dir]));
  const unit = (/** @type {string} */ id) =>
    xml.slice(
      xml.indexOf(`<trans-unit id="${SAMPLE}:${id}"`),
      xml.indexOf('</trans-unit>', xml.indexOf(`<trans-unit id="${SAMPLE}:${id}"`)),
    );
  assert.doesNotMatch(unit('$.summary'), /approved=/);
  assert.match(unit('$.summary'), /<target state="needs-review-translation">/);
  assert.match(unit('$.name'), /approved="yes"[^]*<target state="translated">/);
});

/** Debian's Python, where python3-translate (translate-toolkit) installs; undefined without it. */
function toolkitPython() {
  const listed = spawnSync('dpkg-query', ['-L', 'python3-minimal'], {encoding: 'utf8'});
  const python = listed.error ? undefined : listed.stdout.split('\n').find((path) => path.endsWith('/bin/python3'));
  return python && spawnSync(python, ['-c', 'import translate.storage.xliff']).status === 0 ? python : undefined;
}

// What translate-toolkit (under Weblate and Pootle) makes of an export: every
// reviewed text counted as translated, and its own saved file taken back.
const ROUND_TRIP = `
import json, sys
from translate.storage import xliff
store = xliff.xlifffile.parsefile(sys.argv[1])
units = [u for u in store.units if not u.isheader()]
report = {'units': len(units), 'translated': sum(u.istranslated() for u in units), 'fuzzy': sum(u.isfuzzy() for u in units)}
changes = json.loads(sys.argv[3])
for u in units:
    for suffix, text in changes.items():
        if u.getid().endswith(suffix):
            u.settarget(text)
store.savefile(sys.argv[2])
print(json.dumps(report))
`;

const python = toolkitPython();
test(
  'translate-toolkit reads every reviewed text as translated, and what it saves after two edits changes exactly those two texts',
  {skip: python ? false : 'python3-translate (translate-toolkit) is not installed: .ci/run installs it'},
  () => {
    const dir = demoFolder();
    const exported = exportTo([dir]);
    const saved = join(tempFolder('ttk'), 'saved.xlf');
    const changes = {[`${SAMPLE}:$.summary`]: 'En af fem regioner i Danmark.', [`${SAMPLE}:$.facts[1].label`]: 'Medarbejdere'};
    const out = execFileSync(/** @type {string} */ (python), ['-c', ROUND_TRIP, exported.file, saved, JSON.stringify(changes)], {
      encoding: 'utf8',
    });
    const report = /** @type {{units: number, translated: number, fuzzy: number}} */ (JSON.parse(out));
    const danish = profileUnits(JSON.parse(readFileSync(join(dir, `${SAMPLE}.json`), 'utf8'))).filter((u) => u.target).length;
    assert.equal(report.units, profileUnits(JSON.parse(readFileSync(join(dir, `${SAMPLE}.json`), 'utf8'))).length);
    assert.deepEqual([report.translated, report.fuzzy], [danish, 0], 'every reviewed text translated, none fuzzy');

    const before = JSON.parse(readFileSync(join(dir, `${SAMPLE}.json`), 'utf8'));
    const imported = importFrom(readFileSync(saved, 'utf8'), dir);
    assert.equal(imported.code, 0, imported.out);
    assert.match(imported.out, /^2 text\(s\) imported/);
    const after = JSON.parse(readFileSync(join(dir, `${SAMPLE}.json`), 'utf8'));
    assert.deepEqual(after, {
      ...before,
      summary: {...before.summary, da: 'En af fem regioner i Danmark.'},
      facts: before.facts.map((/** @type {{label: object}} */ fact, /** @type {number} */ i) =>
        i === 1 ? {...fact, label: {...fact.label, da: 'Medarbejdere'}} : fact,
      ),
    });
  },
);

test('import takes a file as translation tools write it back: attributes reordered, a namespace prefix, alt-trans, more notes, CRLF', () => {
  const dir = demoFolder();
  const before = snapshot(dir);
  const exported = exportTo([dir]).xml;
  const changed = translate(exported, `${SAMPLE}:$.summary`, 'En af fem regioner i Danmark.');
  const asTools = changed
    // approved first, extradata last; a suggestion and a note of the tool's own in each unit.
    .replace(
      /<trans-unit id="([^"]*)" extradata="([^"]*)" xml:space="preserve"( approved="yes")?>/g,
      '<trans-unit$3 id="$1" xml:space="preserve" extradata="$2">',
    )
    .replace(
      /<\/trans-unit>/g,
      '<alt-trans origin="memory"><source>x</source><target>y</target></alt-trans>\n<note from="tool">checked</note>\n</trans-unit>',
    )
    // Every element of the XLIFF namespace written with a prefix.
    .replace(
      /<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">/,
      '<xlf:xliff version="1.2" xmlns:xlf="urn:oasis:names:tc:xliff:document:1.2">',
    )
    .replace(/<(\/?)(file|body|trans-unit|source|target|note|alt-trans)\b/g, '<$1xlf:$2')
    .replace('</xliff>', '</xlf:xliff>')
    .replace(/\n/g, '\r\n');
  assert.match(asTools, /<xlf:trans-unit approved="yes" id=/);
  const result = importFrom(asTools, dir);
  assert.equal(result.code, 0, result.out);
  assert.match(result.out, /^1 text\(s\) imported, 25 unchanged/);
  const after = snapshot(dir);
  assert.equal(JSON.parse(after[`${SAMPLE}.json`]).summary.da, 'En af fem regioner i Danmark.');
  assert.equal(
    after[`${SAMPLE}.json`],
    before[`${SAMPLE}.json`].replace(/("da": )"En af Danmarks[^"]*"/, '$1"En af fem regioner i Danmark."'),
    'only that text changed, in place',
  );
});

test('after an import, the index beside the profiles is made anew, and a published copy now older is named with the command that updates it', () => {
  const site = folder();
  const profiles = join(site, 'profiles');
  cpSync(join(root, 'demo/embed/partners'), profiles, {recursive: true, filter: (f) => !f.endsWith('index.json')});
  const sample = JSON.parse(readFileSync(join(profiles, `${SAMPLE}.json`), 'utf8'));
  writeFileSync(
    join(profiles, 'kiel-lab.json'),
    JSON.stringify({...sample, id: 'kiel-lab', name: 'Kiel Lab', summary: {en: 'A lab.'}, logo: undefined}, null, 2),
  );
  const cli = (/** @type {string[]} */ ...args) => {
    const result = spawnSync(process.execPath, [join(root, 'tools/cli/partner-card.mjs'), ...args], {cwd: site, encoding: 'utf8'});
    return {code: result.status, out: `${result.stdout}${result.stderr}`};
  };
  assert.equal(cli('index', 'profiles').code, 0);
  const published = cli('publish', 'profiles', '--out', 'public/embed');
  assert.equal(published.code, 0, published.out);
  const exported = exportTo([profiles]);
  writeFileSync(join(site, 'da.xlf'), translate(exported.xml, 'kiel-lab:$.summary', 'Et laboratorium.'));
  const imported = cli('xliff', 'import', 'da.xlf', 'profiles');
  assert.equal(imported.code, 0, imported.out);
  assert.match(imported.out, /1 profile\(s\) changed; profiles\/index\.json made anew from them\./);
  const entry = JSON.parse(readFileSync(join(profiles, 'index.json'), 'utf8')).partners.find(
    (/** @type {{id: string}} */ p) => p.id === 'kiel-lab',
  );
  assert.deepEqual(entry.summary, {en: 'A lab.', da: 'Et laboratorium.'});
  assert.equal(imported.out.trim().split('\n').pop(), 'public/embed/ still shows the old texts: run partner-card publish to publish them.');
  assert.equal(cli('publish').code, 0);
  const again = cli('xliff', 'import', 'da.xlf', 'profiles');
  assert.equal(again.code, 0, again.out);
  assert.doesNotMatch(again.out, /still shows/, 'published since: nothing to say');
});

test('a target with a control character (an ESC) is refused, naming the field, and no file is written', () => {
  const dir = demoFolder();
  const before = snapshot(dir);
  const exported = exportTo([dir]);
  const result = importFrom(translate(exported.xml, `${SAMPLE}:$.name`, 'Region \u001b$BSyddanmark'), dir);
  assert.equal(result.code, 1, result.out);
  assert.match(
    result.out,
    /\$\.name\.da is "Region \\u001b\$BSyddanmark", which does not fit\. Text that is not empty, without control characters/,
  );
  assert.deepEqual(snapshot(dir), before);
});

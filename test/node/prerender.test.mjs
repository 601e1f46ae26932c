// npm run prerender and dist/prerender.js (built by npm run build): the page
// changes only inside the tags, a second run changes nothing, and bad input
// stops everything with a message that names the file, the tag and the problem.
import {test} from 'node:test';
import {spawnSync} from 'node:child_process';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {readFileSync, writeFileSync, mkdirSync, copyFileSync} from 'node:fs';
import {join} from 'node:path';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../../', import.meta.url).pathname;
/** @type {typeof import('../../node/prerender.js')} */
const {prerenderHTML, renderCard, STYLE_TEXT, STYLE_HASH} = await import(join(root, 'dist/prerender.js'));
const {main} = await import(join(root, 'tools/cli/prerender.mjs'));
const sample = JSON.parse(readFileSync(join(root, 'demo/embed/partners/region-southern-denmark.json'), 'utf8'));
const BASE = 'https://project.example/embed/partners/';
/** @param {string} id */
const profile = (id) => (id === 'region-southern-denmark' ? sample : undefined);

/** Real sites' HTML: every quoting style, upper case, tags over several lines, mentions that are not tags. */
const MESSY = `<!DOCTYPE html>
<HTML LANG=da>
<head><title><partner-card partner="region-southern-denmark"></partner-card> on our site</title>
<script>document.write('<partner-card partner="region-southern-denmark"></partner-card>')</script>
<style>partner-card{display:block} /* <partner-card partner="region-southern-denmark"></partner-card> */</style></head>
<body class=x data-x='a "quoted" b'>
<!-- <partner-card partner="region-southern-denmark"></partner-card> -->
<p>Caf&eacute; &amp; co &#8212; text&nbsp;here</p>
<PARTNER-CARD partner=region-southern-denmark
    variant='compact' href="/partners/rsd/"
    heading-level=3></PARTNER-CARD>
<section lang="en"><partner-card partner="region-southern-denmark" back-href='/'><a href="https://regionsyddanmark.dk">Our profile</a></partner-card></section>
<textarea><partner-card partner="region-southern-denmark"></partner-card></textarea>
<pre><code>&lt;partner-card&gt;</code><partner-card partner="region-southern-denmark"></partner-card></pre>
<template><partner-card partner="region-southern-denmark"></partner-card></template>
<xmp><partner-card partner="region-southern-denmark"></partner-card></xmp>
</body></HTML>
`;

/** `html` with the content of every real tag (found by its marker) cut out: what must stay byte for byte. */
const outside = (/** @type {string} */ html) =>
  html.replace(
    /(<partner-card[^>]*>)(<template shadowrootmode[\s\S]*?<\/template>(<script type="application\/ld\+json">[\s\S]*?<\/script>)?)/gi,
    '$1',
  );

test('a messy page changes only inside its three real tags', () => {
  const result = prerenderHTML(MESSY, {profile, base: BASE});
  assert.deepEqual(result.errors, []);
  // The one in <pre> is an element as any other: <pre> only keeps white space.
  assert.equal(result.cards, 3);
  assert.equal(outside(result.html), MESSY);
  assert.equal(result.html.match(/shadowrootmode/g)?.length, 3);
  // The mentions in the comment, script, textarea, title, template and xmp are untouched.
  for (const kept of [
    '<!-- <partner-card partner="region-southern-denmark"></partner-card> -->',
    '<textarea><partner-card partner="region-southern-denmark"></partner-card></textarea>',
    '<template><partner-card partner="region-southern-denmark"></partner-card></template>',
  ]) {
    assert.ok(result.html.includes(kept), kept);
  }
  // The page's own content inside a tag stays, after the shadow root.
  assert.match(result.html, /<\/script><a href="https:\/\/regionsyddanmark.dk">Our profile<\/a><\/partner-card>/);
});

test('a card without partner (its page sets it by script) is left as it is, counted, with no warning', async () => {
  const page = '<partner-card id="profile" base="/p/"></partner-card>';
  const result = prerenderHTML(page, {profile, base: BASE});
  assert.equal(result.html, page);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(result.left, ['line 1: <partner-card>']);
  // The demo's profile page is such a page: the build prerenders the demo without a warning.
  const {code, out} = await run(['demo/generated', '--profiles', 'demo/generated/partners', '--base', '/dist/partners/']);
  assert.equal(code, 0, out);
  assert.ok(!/warning/i.test(out), out);
  assert.match(
    out,
    /^note: demo\/generated\/\S+\.html: line \d+: <partner-card>: no partner attribute, left for its page's script to set$/m,
  );
  assert.match(out, /tag\(s\) prerendered; 1 <partner-card> without partner left for its page's script \(above\); 0 file\(s\) changed/);
});

test('an unknown partner gets the closest ids; a profile that cannot be shown is worded as `partner-card index` words it', async () => {
  const dir = tempFolder('prerender-words');
  mkdirSync(join(dir, 'profiles'));
  copyFileSync(join(root, 'demo/embed/partners/region-southern-denmark.json'), join(dir, 'profiles/region-southern-denmark.json'));
  writeFileSync(join(dir, 'profiles/no-summary.json'), JSON.stringify({id: 'no-summary', name: 'No Summary', country: 'DK'}));
  writeFileSync(join(dir, 'profiles/bad-json.json'), '{"id": "bad-json",\n "name": "X",\n "country": "DK"\n "summary": "S"}\n');
  const page = join(dir, 'a.html');
  writeFileSync(
    page,
    '<p>\n<partner-card partner="region-southern-denmak"></partner-card>\n<partner-card partner="no-summary"></partner-card>\n<partner-card partner="bad-json"></partner-card>\n<partner-card partner="zzz"></partner-card>\n',
  );
  const {code, out} = await run([page, '--profiles', join(dir, 'profiles'), '--base', '/embed/partners/']);
  assert.equal(code, 1, out);
  assert.match(
    out,
    /a\.html: line 2: <partner-card partner="region-southern-denmak">: there is no profile "region-southern-denmak" \(did you mean "region-southern-denmark"\?\)$/m,
  );
  assert.match(
    out,
    /a\.html: line 3: <partner-card partner="no-summary">: \S*profiles\/no-summary\.json: \$\.summary is missing: add "summary"\./m,
  );
  assert.match(out, /a\.html: line 4: <partner-card partner="bad-json">: \S*profiles\/bad-json\.json:4:2: The file is not valid JSON/m);
  assert.match(out, /a\.html: line 5: <partner-card partner="zzz">: there is no profile "zzz"$/m, 'nothing close: no suggestion');
});

test('attributes and the language around a tag are read as the browser reads them', () => {
  const {html} = prerenderHTML(MESSY, {profile, base: BASE});
  const [compact, full] = html.split('shadowrootmode').slice(1);
  // Upper-case tag, unquoted and single-quoted attributes; <HTML LANG=da> gives Danish.
  assert.match(compact, /<article class="card compact" part="card" lang="da">/);
  assert.match(compact, /aria-level="3"/);
  assert.match(compact, /<a class="stretched" part="link" href="\/partners\/rsd\/">Region Syddanmark<\/a>/);
  assert.match(compact, /alt=""/);
  // <section lang="en"> around the second tag.
  assert.match(full, /<article class="card full" part="card" lang="en">/);
  assert.match(full, /Region of Southern Denmark/);
  assert.match(full, /src="https:\/\/project.example\/embed\/partners\/region-southern-denmark.svg"/);
  assert.match(full, /href="\/"><span aria-hidden="true">←<\/span> Back to partners<\/a>/);
  assert.ok(!/<!--/.test(full.split('</template>')[0]), 'no Lit markers in the prerendered card');
});

test('a full card carries schema.org JSON-LD: name, url, logo, country', () => {
  const {html} = renderCard({profile: sample, partner: 'region-southern-denmark', base: BASE, lang: 'da'});
  const json = JSON.parse(/<script type="application\/ld\+json">(.*)<\/script>$/.exec(html)?.[1] ?? 'null');
  assert.equal(json['@type'], 'Organization');
  assert.equal(json.name, 'Region Syddanmark');
  // The interface strings are in the card's language too (msg() answers when a template is made).
  assert.match(html, /Nøgletal/);
  assert.match(html, /Organisationer/);
  assert.equal(json.url, 'https://regionsyddanmark.dk/');
  assert.equal(json.logo, `${BASE}region-southern-denmark.svg`);
  assert.deepEqual(json.address, {'@type': 'PostalAddress', addressCountry: 'DK'});
  const compact = renderCard({profile: sample, partner: 'region-southern-denmark', base: BASE, variant: 'compact'});
  assert.ok(!compact.html.includes('ld+json'));
});

test('text in a profile is only text, in the card and in the JSON-LD', () => {
  const hostile = {...sample, name: '</script><script>alert(1)</script><b>x</b>', summary: ']]> &amp; <img src=x onerror=alert(1)>'};
  const {html} = renderCard({profile: hostile, partner: 'region-southern-denmark', base: BASE});
  assert.ok(!html.includes('<script>alert'), 'no script element from the text');
  assert.ok(!html.includes('<img src=x'), 'no image element from the text');
  assert.ok(
    html.includes('&lt;/script>&lt;script>alert(1)&lt;/script>&lt;b>x&lt;/b>') || html.includes('&lt;/script&gt;'),
    'escaped in the card',
  );
  assert.match(html, /\\u003c\/script>\\u003cscript>/);
});

test('a second run changes nothing', () => {
  const once = prerenderHTML(MESSY, {profile, base: BASE}).html;
  const twice = prerenderHTML(once, {profile, base: BASE}).html;
  assert.equal(twice, once);
});

test('the style is the same for every card, and its hash is what CSP needs', () => {
  const hash = `'sha256-${createHash('sha256').update(STYLE_TEXT).digest('base64')}'`;
  assert.equal(STYLE_HASH, hash);
  const {html} = prerenderHTML(MESSY, {profile, base: BASE});
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).filter((text) => text.includes('--partner-card'));
  assert.equal(styles.length, 3);
  assert.ok(styles.every((text) => text === STYLE_TEXT));
});

test('bad input: a message naming the tag and the problem', () => {
  /** @type {[string, string | undefined, RegExp][]} */
  const cases = [
    ['<partner-card partner="nobody"></partner-card>', BASE, /line 1: <partner-card partner="nobody">: there is no profile "nobody"/],
    [
      '<p>\n<partner-card partner="region-southern-denmark">',
      BASE,
      /line 2: <partner-card partner="region-southern-denmark"> is never closed/,
    ],
    [
      '<partner-card partner="region-southern-denmark" base="partners/"></partner-card>',
      BASE,
      /base "partners\/" is not an absolute http\(s\) URL/,
    ],
    [
      '<partner-card partner="region-southern-denmark" href="javascript:alert(1)"></partner-card>',
      BASE,
      /href="javascript:alert\(1\)" is refused\. Give a web address/,
    ],
    ['<partner-card partner="region-southern-denmark"></partner-card>', undefined, /no base attribute and no --base/],
  ];
  for (const [html, base, message] of cases) {
    const result = prerenderHTML(html, {profile, base});
    assert.equal(result.errors.length, 1, html);
    assert.match(result.errors[0], message);
  }
  const invalid = prerenderHTML('<partner-card partner="region-southern-denmark"></partner-card>', {
    profile: () => ({...sample, summary: undefined}),
    base: BASE,
  });
  assert.match(invalid.errors[0], /\$\.summary is missing/);
});

test('one link rule: what a browser would take to another site than it says is refused in href, back-href, base and --base', async () => {
  const {LINK_RULE} = await import(join(root, 'dist/prerender.js'));
  const tricks = [
    '/\\evil.example/',
    '\\\\evil.example/',
    '//evil.example/',
    '/\t/evil.example/',
    '/\n/evil.example/',
    'https://partner.example@evil.example/',
    'https:evil.example',
    '/a"b',
    '/a<b',
    '/a>b',
    'javascript:alert(1)',
  ];
  for (const trick of tricks) {
    for (const [attribute, extra] of [
      ['href', 'variant="compact"'],
      ['back-href', ''],
      ['base', ''],
    ]) {
      const page = `<partner-card partner="region-southern-denmark" ${extra} ${attribute}="${trick.replaceAll('"', '&quot;').replaceAll('<', '&lt;')}"></partner-card>`;
      const result = prerenderHTML(page, {profile, base: BASE});
      assert.equal(result.cards, 0, `${attribute}=${JSON.stringify(trick)}`);
      assert.ok(result.errors[0].endsWith(LINK_RULE), result.errors[0]);
    }
    const cli = prerenderHTML('<partner-card partner="region-southern-denmark"></partner-card>', {profile, base: trick});
    assert.ok(cli.errors[0]?.endsWith(LINK_RULE), `--base ${JSON.stringify(trick)}`);
  }
  // What stays on the site, or names its host plainly, is kept as written.
  for (const fine of ['/partners/rsd/', 'https://www.example.org/p?a=1&b=2#x', 'partners/rsd/', '?partner=x']) {
    const result = prerenderHTML(
      `<partner-card partner="region-southern-denmark" variant="compact" href="${fine.replaceAll('&', '&amp;')}"></partner-card>`,
      {profile, base: BASE},
    );
    assert.deepEqual(result.errors, [], fine);
  }
  const {englishStrings} = await import(join(root, 'node/page-strings.mjs'));
  assert.equal((await englishStrings())['embed-builder'].badLink, LINK_RULE, "the builder's message is the command line's");
});

test('links open in the same tab: no link in a full card, a compact card or a directory has a target', async () => {
  const {renderDirectory} = await import(join(root, 'dist/prerender.js'));
  const full = renderCard({profile: sample, partner: 'region-southern-denmark', base: BASE, backHref: '/'}).html;
  const compact = renderCard({profile: sample, partner: 'region-southern-denmark', base: BASE, variant: 'compact', href: '/p/'}).html;
  const list = renderDirectory({index: {partners: [sample]}, base: BASE, href: '/p/{id}/'}).html;
  for (const html of [full, compact, list]) {
    const links = html.match(/<a\b[^>]*>/g) ?? [];
    assert.ok(links.length > 0);
    for (const link of links) assert.ok(!/\btarget=/.test(link), link);
  }
});

/** A folder with pages and profiles, for the command line. */
function site() {
  const dir = tempFolder('prerender');
  mkdirSync(join(dir, 'profiles'));
  mkdirSync(join(dir, 'pages/sub'), {recursive: true});
  copyFileSync(join(root, 'demo/embed/partners/region-southern-denmark.json'), join(dir, 'profiles/region-southern-denmark.json'));
  writeFileSync(join(dir, 'profiles/broken.json'), '{"id": "broken",');
  writeFileSync(join(dir, 'pages/a.html'), MESSY);
  writeFileSync(
    join(dir, 'pages/sub/b.html'),
    `<html lang="da"><body><partner-card partner='region-southern-denmark'></partner-card></body></html>`,
  );
  return dir;
}

/** Runs the command line, capturing what it prints. @param {string[]} args */
async function run(args) {
  /** @type {string[]} */
  const lines = [];
  const [log, warn, error] = [console.log, console.warn, console.error];
  console.log = console.warn = console.error = (...parts) => lines.push(parts.join(' '));
  try {
    return {code: await main(args), out: lines.join('\n')};
  } finally {
    Object.assign(console, {log, warn, error});
  }
}

test('npm run prerender: a folder, recursively; prints the CSP source; idempotent', async () => {
  const dir = site();
  const {code, out} = await run([join(dir, 'pages'), '--profiles', join(dir, 'profiles'), '--base', BASE]);
  assert.equal(code, 0, out);
  assert.match(out, /4 tag\(s\) prerendered; 2 file\(s\) changed/);
  assert.ok(out.includes(STYLE_HASH));
  const after = readFileSync(join(dir, 'pages/sub/b.html'), 'utf8');
  assert.match(after, /lang="da"/);
  const again = await run([join(dir, 'pages'), '--profiles', join(dir, 'profiles'), '--base', BASE]);
  assert.match(again.out, /0 file\(s\) changed/);
  assert.equal(readFileSync(join(dir, 'pages/sub/b.html'), 'utf8'), after);
});

test('npm run prerender: any problem changes no file and exits 1', async () => {
  for (const [page, expected] of /** @type {[string, RegExp][]} */ ([
    ['<partner-card partner="nobody"></partner-card>', /c\.html: line 1: <partner-card partner="nobody">: there is no profile "nobody"/],
    [
      '<partner-card partner="broken"></partner-card>',
      /c\.html: line 1: <partner-card partner="broken">: .*broken\.json:1:17: The file is not valid JSON/,
    ],
    [
      '<partner-card partner="region-southern-denmark">',
      /c\.html: line 1: <partner-card partner="region-southern-denmark"> is never closed/,
    ],
  ])) {
    const dir = site();
    writeFileSync(join(dir, 'pages/c.html'), page);
    const {code, out} = await run([join(dir, 'pages'), '--profiles', join(dir, 'profiles'), '--base', BASE]);
    assert.equal(code, 1);
    assert.match(out, expected);
    assert.match(out, /no file was changed/);
    assert.equal(readFileSync(join(dir, 'pages/a.html'), 'utf8'), MESSY, 'the good page is not written either');
  }
  const missing = await run(['/no/such/folder', '--base', BASE]);
  assert.equal(missing.code, 1);
  assert.match(missing.out, /\/no\/such\/folder: cannot be read/);
});

test("README's policy for prerendered pages has this release's style hashes", async () => {
  const {DIRECTORY_STYLE_HASH} = await import(join(root, 'dist/prerender.js'));
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const policy = readme.slice(readme.indexOf('**Prerendered cards and lists** carry their styles'));
  assert.ok(policy.includes(`style-src 'self' ${STYLE_HASH} ${DIRECTORY_STYLE_HASH};`), 'README shows the hashes npm run prerender prints');
});

test('a base that is not where the kept settings publish the profiles is a warning naming the tag, the address and where they are', () => {
  const dir = tempFolder('prerender-base');
  mkdirSync(join(dir, 'profiles'));
  copyFileSync(join(root, 'demo/embed/partners/region-southern-denmark.json'), join(dir, 'profiles/region-southern-denmark.json'));
  writeFileSync(join(dir, 'partner-card.config.json'), JSON.stringify({profiles: 'profiles', url: 'https://project.example/embed/'}));
  const page = (/** @type {string} */ attrs) => {
    writeFileSync(join(dir, 'a.html'), `<p>\n<partner-card partner="region-southern-denmark"${attrs}></partner-card>\n`);
  };
  const prerender = (/** @type {string[]} */ args) => {
    const result = spawnSync(process.execPath, [join(root, 'tools/cli/partner-card.mjs'), 'prerender', 'a.html', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
    return {code: result.status, out: `${result.stdout}${result.stderr}`};
  };
  page('');
  const wrong = prerender(['--base', '/embed/partner/']);
  assert.equal(wrong.code, 0, wrong.out);
  assert.match(
    wrong.out,
    /^warning: a\.html: line 2: <partner-card partner="region-southern-denmark">: base "\/embed\/partner\/" is https:\/\/project\.example\/embed\/partner\/, but the profiles are published at https:\/\/project\.example\/embed\/partners\/: region-southern-denmark\.json and its logo would not be found there$/m,
  );
  page(' base="https://elsewhere.example/p/"');
  assert.match(
    prerender([]).out,
    /base "https:\/\/elsewhere\.example\/p\/" is https:\/\/elsewhere\.example\/p\/, but the profiles are published/,
  );
  for (const [attrs, args] of /** @type {[string, string[]][]} */ ([
    ['', []],
    ['', ['--base', '/embed/partners/']],
    ['', ['--base', 'https://project.example/embed/partners']],
    [' base="/embed/partners/"', []],
  ])) {
    page(attrs);
    const right = prerender(args);
    assert.equal(right.code, 0, right.out);
    assert.doesNotMatch(right.out, /warning/, `${attrs} ${args.join(' ')}`);
  }
});

test("a directory's href pattern is checked once each id is filled in, as the live list checks it", async () => {
  const {renderDirectory} = await import(join(root, 'dist/prerender.js'));
  const javascript = {...sample, id: 'javascript', name: 'JavaScript Lab'};
  // The pattern alone is a harmless relative link; filled with this id it is a script.
  const {html, dropped} = renderDirectory({index: {partners: [sample, javascript]}, base: BASE, href: '{id}:alert(document.domain)//'});
  assert.doesNotMatch(html, /href="javascript:/);
  // Filled, every link has a scheme that is not http(s) (region-southern-denmark: too): none is written, each is named.
  assert.doesNotMatch(html, /alert/);
  assert.equal(dropped.length, 2);
  assert.match(dropped.join('\n'), /the link of "javascript" \(href="javascript:alert\(document\.domain\)\/\/" is refused/);
  const page = prerenderHTML('<partner-directory href="{id}:alert(document.domain)//"></partner-directory>', {
    profile,
    index: () => ({partners: [sample, javascript]}),
    base: BASE,
  });
  assert.deepEqual(page.errors, []);
  assert.match(page.warnings.join('\n'), /left out .*the link of "javascript"/);
});

test('a tag with many attributes is read in linear time, and a repeated attribute is dropped as browsers drop it (the first wins)', () => {
  // 150,000 attributes on one <div> (1 MB): parse5's own check took 92-115 s, read linearly it takes under a second.
  // The bound is 30 times the time it takes here and a third of the quadratic time: it fails only when the reading
  // is quadratic again (the reading is synchronous, so node:test's own timeout could not stop it).
  const started = performance.now();
  const many = `<div ${Array.from({length: 150_000}, (_, i) => `a${i}`).join(' ')}></div>`;
  const page = `${many}<partner-card partner="region-southern-denmark" partner="nobody" variant="compact"></partner-card>`;
  const result = prerenderHTML(page, {profile, base: BASE});
  const seconds = (performance.now() - started) / 1000;
  assert.deepEqual(result.errors, []);
  assert.equal(result.cards, 1);
  assert.match(result.html, /Region of Southern Denmark/);
  assert.ok(result.html.startsWith(many), 'the page outside the tag is as it was');
  assert.ok(seconds < 30, `read in ${seconds.toFixed(1)} s: quadratic in the number of attributes`);
});

test("the prerenderer changes nothing of parse5 for the rest of the process (Lit's server rendering parses with it too)", () => {
  // In a process of its own: this file has imported the prerenderer already.
  const script = `
    const {Tokenizer, Parser} = await import('parse5');
    const own = (proto) => Object.fromEntries(Object.getOwnPropertyNames(proto).map((name) => [name, Object.getOwnPropertyDescriptor(proto, name).value]));
    const before = [own(Tokenizer.prototype), own(Parser.prototype)];
    const {prerenderHTML} = await import(${JSON.stringify(join(root, 'dist/prerender.js'))});
    const many = '<div ' + Array.from({length: 40}, (_, i) => 'a' + i).join(' ') + '></div><partner-card partner="x"></partner-card>';
    prerenderHTML(many, {profile: () => undefined, base: '/p/'});
    const after = [own(Tokenizer.prototype), own(Parser.prototype)];
    const changed = before.flatMap((was, i) => Object.keys({...was, ...after[i]}).filter((name) => was[name] !== after[i][name]));
    console.log(JSON.stringify(changed));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd: root, encoding: 'utf8'});
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), [], "parse5's own methods, as the prerenderer found them");
});

test("pages' encodings: single-byte pages keep every byte and get ASCII; multi-byte and undeclared non-UTF-8 pages are refused by name", () => {
  const dir = tempFolder('encodings');
  mkdirSync(join(dir, 'profiles'));
  writeFileSync(join(dir, 'profiles/region-southern-denmark.json'), JSON.stringify(sample));
  // The review's page: ISO-2022-JP, where a raw ESC in a profile's text would make the decoder swallow a quote.
  const hostile = {...sample, name: {en: '\u001b(B" onerror=alert(document.domain) x="', da: 'x'}};
  writeFileSync(join(dir, 'profiles/region-southern-denmark.json'), JSON.stringify(hostile));
  const card = '<partner-card partner="region-southern-denmark"></partner-card>';
  const pages = {
    'iso-2022-jp.html': Buffer.from(`<meta charset="iso-2022-jp"><title>x</title>${card}`),
    'shift-jis.html': Buffer.from(`<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">${card}`),
    'utf-16.html': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(card, 'utf16le')]),
    'undeclared.html': Buffer.concat([Buffer.from('<p>K'), Buffer.from([0xf8]), Buffer.from(`benhavn</p>${card}`)]),
  };
  for (const [name, bytes] of Object.entries(pages)) writeFileSync(join(dir, name), bytes);
  const cli = () =>
    spawnSync(
      process.execPath,
      [join(root, 'tools/cli/partner-card.mjs'), 'prerender', dir, '--profiles', join(dir, 'profiles'), '--base', '/p/'],
      {encoding: 'utf8'},
    );
  const refused = cli();
  assert.equal(refused.status, 1, refused.stdout);
  assert.match(
    refused.stderr,
    /iso-2022-jp\.html: is in ISO-2022-JP, which the prerenderer does not write into .* convert the page to UTF-8/,
  );
  assert.match(refused.stderr, /shift-jis\.html: is in Shift_JIS/);
  assert.match(refused.stderr, /utf-16\.html: is in UTF-16LE/);
  assert.match(refused.stderr, /undeclared\.html: declares no encoding and is not UTF-8/);
  for (const [name, bytes] of Object.entries(pages)) assert.deepEqual(readFileSync(join(dir, name)), bytes, `${name} is untouched`);

  // A windows-1252 page with a BOM-less UTF-8 neighbour: both written; the single-byte one byte for byte outside the tag.
  for (const name of Object.keys(pages)) writeFileSync(join(dir, name), '');
  writeFileSync(join(dir, 'profiles/region-southern-denmark.json'), JSON.stringify(sample));
  const before = Buffer.concat([
    Buffer.from('<meta charset="windows-1252"><title>K'),
    Buffer.from([0xf8, 0x80, 0x81]),
    Buffer.from(`</title>${card}<p>`),
    Buffer.from([0xe6]),
    Buffer.from('</p>'),
  ]);
  writeFileSync(join(dir, 'w.html'), before);
  writeFileSync(join(dir, 'u.html'), `\ufeff<p>København</p>${card}`);
  const written = cli();
  assert.equal(written.status, 0, written.stderr);
  const after = readFileSync(join(dir, 'w.html'));
  const at = before.indexOf('</partner-card>');
  assert.deepEqual(
    after.subarray(0, before.indexOf(card) + card.indexOf('>') + 1),
    before.subarray(0, before.indexOf(card) + card.indexOf('>') + 1),
  );
  assert.deepEqual(after.subarray(after.length - (before.length - at)), before.subarray(at), 'every byte after the card kept');
  assert.ok(
    !/[^\0-\x7f]/.test(after.subarray(before.indexOf(card), after.length - (before.length - at)).toString('latin1')),
    'the card in ASCII',
  );
  assert.match(after.toString('latin1'), /Region Syddanmark|Region of Southern Denmark/);
  assert.match(
    readFileSync(join(dir, 'u.html'), 'utf8'),
    /^\ufeff<p>København<\/p><partner-card[^>]*><template shadowrootmode="open">/,
    'a UTF-8 page as before, its BOM kept',
  );
  // A second run changes nothing.
  assert.equal(cli().status, 0);
  assert.deepEqual(readFileSync(join(dir, 'w.html')), after);
});

test("a prerendered card shows a logo from the profiles' folder only: one from elsewhere is left out, in the card and in its JSON-LD", () => {
  for (const src of ['//tracker.invalid/px.svg', 'https://tracker.invalid/px.svg', '/px.svg', '../px.svg', '%2e%2e/px.svg']) {
    const {html, dropped} = renderCard({profile: {...sample, logo: {...sample.logo, src}}, partner: sample.id, base: BASE});
    assert.doesNotMatch(html, /<img|tracker|px\.svg/, src);
    assert.deepEqual(dropped, ['$.logo is invalid'], src);
  }
  const {html} = renderCard({profile: {...sample, logo: {...sample.logo, src: 'logos/rsd.svg'}}, partner: sample.id, base: BASE});
  assert.match(html, /src="https:\/\/project\.example\/embed\/partners\/logos\/rsd\.svg"/);
  assert.match(html, /"logo":"https:\/\/project\.example\/embed\/partners\/logos\/rsd\.svg"/);
});

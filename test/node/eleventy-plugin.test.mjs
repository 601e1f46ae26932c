// partner-card/eleventy, as a site adds it: a small site built by the real
// Eleventy 3 with the plugin from the package's export (dist/eleventy.js) gets
// exactly the pages `partner-card prerender` makes of the same site built
// without it; an unknown partner fails the build, naming the page.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import Eleventy from '@11ty/eleventy';
import partnerCard from 'partner-card/eleventy';
import {main as prerender} from '../../tools/cli/prerender.mjs';
import {main as writeIndex} from '../../tools/cli/partners.mjs';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../../', import.meta.url).pathname;
const BASE = '/embed/partners/';

/** A site and its profiles in a folder of their own. @param {Record<string, string>} pages */
function site(pages) {
  const dir = tempFolder('eleventy');
  cpSync(join(root, 'demo/embed/partners'), join(dir, 'profiles'), {recursive: true});
  // The directory's index, as a site makes it.
  assert.equal(writeIndex([join(dir, 'profiles')]), 0);
  for (const [name, text] of Object.entries(pages)) {
    mkdirSync(join(dir, 'src', name, '..'), {recursive: true});
    writeFileSync(join(dir, 'src', name), text);
  }
  return dir;
}

/**
 * Eleventy for `dir`/src into `dir`/`out`, with the plugin's options, or none.
 * @param {string} dir @param {string} out @param {object} [options]
 */
const eleventyFor = (dir, out, options) =>
  new Eleventy(join(dir, 'src'), join(dir, out), {
    quietMode: true,
    configPath: false,
    config: (eleventyConfig) => {
      if (options) eleventyConfig.addPlugin(partnerCard, options);
    },
  });

/** One build. @param {string} dir @param {string} out @param {object} [options] */
const build = (dir, out, options) => eleventyFor(dir, out, options).write();

/** Every file under `dir`, as path → text. @param {string} dir @returns {Record<string, string>} */
const files = (dir) =>
  Object.fromEntries(
    readdirSync(dir, {recursive: true, withFileTypes: true})
      .filter((e) => e.isFile())
      .map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );

const PAGES = {
  'index.html':
    '<!doctype html><html lang="en"><head><title>Partners</title></head><body>\n<partner-directory></partner-directory>\n</body></html>\n',
  'about.md':
    '---\ntitle: Om os\n---\n\n# Om os\n\n<p lang="da"><partner-card partner="region-southern-denmark" variant="compact"></partner-card></p>\n',
  'full/index.html':
    '<html lang="en"><body><partner-card partner="region-southern-denmark" heading-level="1"></partner-card></body></html>\n',
  // Not HTML: a feed that mentions the tag is written as it is.
  'feed.njk':
    '---\npermalink: feed.xml\n---\n<entry>&lt;partner-card partner="region-southern-denmark"&gt;<partner-card partner="x"></partner-card></entry>\n',
};

test('the plugin writes every card and list as `partner-card prerender` does after a plain build, byte for byte', async () => {
  const dir = site(PAGES);
  await build(dir, 'plain');
  const code = await prerender(
    ['plain', '--profiles', 'profiles', '--base', BASE].map((a) => (a === 'plain' || a === 'profiles' ? join(dir, a) : a)),
  );
  assert.equal(code, 0);
  await build(dir, 'plugin', {profiles: join(dir, 'profiles'), base: BASE});
  const plugin = files(join(dir, 'plugin'));
  assert.deepEqual(plugin, files(join(dir, 'plain')));
  assert.deepEqual(Object.keys(plugin).sort(), ['about/index.html', 'feed.xml', 'full/index.html', 'index.html']);
  for (const page of ['about/index.html', 'full/index.html', 'index.html']) {
    assert.match(plugin[page], /<template shadowrootmode="open">/, page);
  }
  assert.match(plugin['about/index.html'], /lang="da"/);
  assert.match(plugin['full/index.html'], /application\/ld\+json/, 'a full card with its JSON-LD');
  assert.match(plugin['index.html'], /Region of Southern Denmark/, 'the list from index.json');
  assert.doesNotMatch(plugin['feed.xml'], /shadowrootmode/, 'a feed is not HTML');
});

test('each build reads the profiles afresh, as `eleventy --serve` rebuilds after an edit', async () => {
  const dir = site({'full/index.html': PAGES['full/index.html']});
  // One Eleventy, built twice, as --serve does.
  const eleventy = eleventyFor(dir, 'out', {profiles: join(dir, 'profiles'), base: BASE});
  await eleventy.write();
  const page = join(dir, 'out/full/index.html');
  assert.match(readFileSync(page, 'utf8'), /Region of Southern Denmark/);
  const file = join(dir, 'profiles/region-southern-denmark.json');
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({...profile, name: {...profile.name, en: 'Region of Southern Denmark, renamed'}}));
  await eleventy.write();
  assert.match(readFileSync(page, 'utf8'), /Region of Southern Denmark, renamed/);
});

/**
 * One build that must fail: what the plugin printed as errors (console.error), and the error Eleventy gave back.
 * @param {string} dir @param {string} out @param {object} options
 */
async function failedBuild(dir, out, options) {
  /** @type {string[]} */
  const printed = [];
  const error = console.error;
  // (Eleventy logs its own errors through console.error too.)
  console.error = (/** @type {unknown[]} */ ...line) => {
    if (String(line[0]).startsWith('partner-card')) printed.push(line.join(' '));
  };
  /** @type {unknown} */
  let thrown;
  try {
    await build(dir, out, options);
  } catch (e) {
    thrown = e;
  } finally {
    console.error = error;
  }
  assert.ok(thrown, 'the build failed');
  return {printed, thrown};
}

/** The error the plugin threw, among the errors Eleventy wrapped it in. @param {unknown} error */
function pluginError(error) {
  for (let e = /** @type {any} */ (error); e; e = e.cause ?? e.originalError) if (e.name === 'PartnerCardPluginError') return e;
  return undefined;
}

test('an unknown partner fails the build, named once by the template and its line there, with the closest ids and no stack trace', async () => {
  // Front matter and Markdown: the tag is on line 9 of team.md, on another line of the page Eleventy writes.
  const team = '---\ntitle: Team\n---\n\n# Team\n\nSome text.\n\n<partner-card partner="region-southern-denmak"></partner-card>\n';
  const dir = site({'team.md': team});
  const {printed, thrown} = await failedBuild(dir, 'out', {profiles: join(dir, 'profiles'), base: BASE});
  assert.equal(printed.length, 1, printed.join('\n'));
  assert.match(
    printed[0],
    /^partner-card: error: \S*team\.md:9: <partner-card partner="region-southern-denmak">: there is no profile "region-southern-denmak" \(did you mean "region-southern-denmark"\?\)$/,
  );
  const own = pluginError(thrown);
  assert.equal(own?.skipOriginalStack, true, 'Eleventy shows no stack trace for it');
  assert.match(
    String(own?.message),
    /team\.md: 1 problem\(s\), each named above$/,
    'the details are said once, not again in the error Eleventy logs twice',
  );
});

test("a profile's problem is worded as `partner-card index` words it: its file, the JSON's line and column, the fix", async () => {
  const dir = site({'a.html': '<partner-card partner="no-summary"></partner-card>\n<partner-card partner="bad-json"></partner-card>\n'});
  writeFileSync(join(dir, 'profiles/no-summary.json'), JSON.stringify({id: 'no-summary', name: 'No Summary', country: 'DK'}));
  writeFileSync(join(dir, 'profiles/bad-json.json'), '{"id": "bad-json",\n "name": "X",\n "country": "DK"\n "summary": "S"}\n');
  const {printed} = await failedBuild(dir, 'out', {profiles: join(dir, 'profiles'), base: BASE});
  assert.equal(printed.length, 2, printed.join('\n'));
  assert.match(
    printed[0],
    /a\.html:1: <partner-card partner="no-summary">: \S*profiles\/no-summary\.json: \$\.summary is missing: add "summary"/,
  );
  assert.match(printed[1], /a\.html:2: <partner-card partner="bad-json">: \S*profiles\/bad-json\.json:4:2: The file is not valid JSON/);
});

test("a tag a layout wrote is named by its template, with the line unknown there and the written page's line", async () => {
  const dir = site({
    '_includes/card.njk': '<html><body>\n\n<partner-card partner="no-such-partner"></partner-card>\n</body></html>\n',
    'p.md': '---\nlayout: card.njk\n---\nText.\n',
  });
  const {printed} = await failedBuild(dir, 'out', {profiles: join(dir, 'profiles'), base: BASE});
  assert.match(
    printed[0],
    /p\.md \(line unknown: a layout, loop or include wrote the tag; line 3 of \S*p\/index\.html\): <partner-card partner="no-such-partner">: there is no profile/,
  );
});

test('a missing base fails the build, naming the page', async () => {
  const dir = site(PAGES);
  const {printed} = await failedBuild(dir, 'out2', {profiles: join(dir, 'profiles')});
  assert.match(printed.join('\n'), /index\.html:\d+: .*no base attribute and no --base \(the Eleventy plugin's base option\)/);
});

test('options that cannot work stop the build at once with one line', () => {
  const config = {addTransform() {}, on() {}};
  for (const [options, message] of /** @type {const} */ ([
    [undefined, /give the folder of profiles/],
    [{base: BASE}, /give the folder of profiles/],
    [{profiles: '/no/such/folder', base: BASE}, /the profiles folder \/no\/such\/folder does not exist/],
    [
      {profiles: root, base: 3},
      /partner-card\/eleventy: the option base 3 is not an absolute http\(s\) URL or a path from the site root .*\(addPlugin\(partnerCard, \{…\}\) in your Eleventy config\)$/,
    ],
    [{profiles: root, base: 'embed/partners/'}, /partner-card\/eleventy: the option base "embed\/partners\/" is not an absolute/],
    [{profiles: root, base: 'javascript:alert(1)'}, /partner-card\/eleventy: the option base "javascript:alert\(1\)"/],
  ])) {
    assert.throws(() => {
      partnerCard(config, /** @type {any} */ (options));
    }, message);
  }
});

test("with the published address kept in partner-card.config.json where Eleventy runs, a base elsewhere is a warning naming the template's tag", async () => {
  const dir = site({'team.md': '# Team\n\n<partner-card partner="region-southern-denmark"></partner-card>\n'});
  const cwd = process.cwd();
  /** @type {string[]} */
  const warned = [];
  const warn = console.warn;
  console.warn = (/** @type {unknown[]} */ ...line) => {
    warned.push(line.join(' '));
  };
  try {
    writeFileSync(join(dir, 'partner-card.config.json'), JSON.stringify({profiles: 'profiles', url: 'https://project.example/embed/'}));
    process.chdir(dir);
    await build(dir, 'wrong', {profiles: 'profiles', base: '/embed/partner/'});
    assert.equal(warned.length, 1, warned.join('\n'));
    assert.match(
      warned[0],
      /^partner-card: warning: \S*team\.md:3: <partner-card partner="region-southern-denmark">: base "\/embed\/partner\/" is https:\/\/project\.example\/embed\/partner\/, but the profiles are published at https:\/\/project\.example\/embed\/partners\/: region-southern-denmark\.json and its logo would not be found there$/,
    );
    warned.length = 0;
    await build(dir, 'right', {profiles: 'profiles', base: '/embed/partners/'});
    assert.deepEqual(warned, []);
  } finally {
    console.warn = warn;
    process.chdir(cwd);
  }
});

test("publish: the folder partners load is published into the output at that path, made from the profiles, and is every tag's base", async () => {
  const dir = site({
    'about.html':
      '<html lang="en"><body><partner-card partner="region-southern-denmark"></partner-card><partner-directory></partner-directory></body></html>\n',
  });
  // A hand-kept index that no longer says what the profiles say: named, and not used.
  const sample = JSON.parse(readFileSync(join(dir, 'profiles/region-southern-denmark.json'), 'utf8'));
  writeFileSync(join(dir, 'profiles/kiel-lab.json'), JSON.stringify({...sample, id: 'kiel-lab', name: 'Kiel Lab', logo: undefined}));
  /** @type {string[]} */
  const warnings = [];
  const warn = console.warn;
  console.warn = (/** @type {string} */ line) => {
    warnings.push(line);
  };
  try {
    await build(dir, '_site', {profiles: join(dir, 'profiles'), publish: '/embed/'});
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(
    JSON.parse(readFileSync(join(dir, '_site/embed/partners/index.json'), 'utf8')).partners.map((/** @type {{id: string}} */ p) => p.id),
    ['kiel-lab', 'region-southern-denmark'],
  );
  for (const file of ['release.json', 'partner-card.js', 'embed.html', 'translate.html', '_headers'])
    assert.ok(readdirSync(join(dir, '_site/embed')).includes(file), file);
  const page = readFileSync(join(dir, '_site/about/index.html'), 'utf8');
  assert.match(page, /src="\/embed\/partners\/region-southern-denmark\.svg"/, 'the base is the published partners/');
  assert.match(page, /Kiel Lab/, 'the list holds the profile the hand-kept index lacks');
  assert.equal(
    warnings.filter((w) => /index\.json is not what the profiles say \(kiel-lab is missing/.test(w)).length,
    1,
    warnings.join('\n'),
  );
});

test('an option that cannot work stops the build at the config: publish must be a path in the site', () => {
  for (const publish of ['embed', '/embed/../x/', 'https://x.example/embed/', 3]) {
    assert.throws(
      () => {
        partnerCard(/** @type {any} */ ({addTransform() {}, on() {}}), {profiles: root, publish: /** @type {any} */ (publish)});
      },
      /partner-card\/eleventy: the option publish .* is not a path in the site such as "\/embed\/"/,
      String(publish),
    );
  }
});

test(
  'eleventy --serve picks up a profile edited, added or removed: the pages and the published folder follow',
  {timeout: 120_000},
  async () => {
    const {spawn} = await import('node:child_process');
    const {pathToFileURL} = await import('node:url');
    const {freePort} = await import('../support/nginx.mjs');
    const dir = site({
      'about.html':
        '<html lang="en"><body><partner-card partner="region-southern-denmark" variant="compact"></partner-card><partner-directory></partner-directory></body></html>\n',
    });
    writeFileSync(
      join(dir, 'eleventy.config.mjs'),
      `import partnerCard from ${JSON.stringify(pathToFileURL(join(root, 'dist/eleventy.js')).href)};
export default (eleventyConfig) => eleventyConfig.addPlugin(partnerCard, {profiles: 'profiles', publish: '/embed/'});
`,
    );
    const server = spawn(
      process.execPath,
      [
        join(root, 'node_modules/@11ty/eleventy/cmd.cjs'),
        '--serve',
        `--port=${await freePort()}`,
        '--config=eleventy.config.mjs',
        '--input=src',
        '--output=_site',
      ],
      {cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe']},
    );
    let output = '';
    server.stdout.on('data', (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
    server.stderr.on('data', (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
    const page = () => {
      try {
        return readFileSync(join(dir, '_site/about/index.html'), 'utf8');
      } catch {
        return '';
      }
    };
    const published = () => {
      try {
        return readFileSync(join(dir, '_site/embed/partners/index.json'), 'utf8');
      } catch {
        return '';
      }
    };
    /**
     * Saves with `save`, then waits for `done`; saves again every 2 s, as a person would, since Eleventy
     * may still be starting its watcher. 30 s at most.
     * @param {() => void} save @param {() => boolean} done @param {string} what
     */
    const after = async (save, done, what) => {
      save();
      for (let start = Date.now(), saved = start; !done();) {
        if (Date.now() - start > 30_000) assert.fail(`${what}: not within 30 s. Eleventy said:\n${output}`);
        if (Date.now() - saved > 2000) {
          save();
          saved = Date.now();
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      await after(
        () => {},
        () => page().includes('Region of Southern Denmark') && published().includes('region-southern-denmark'),
        'the first build',
      );
      const file = join(dir, 'profiles/region-southern-denmark.json');
      const sample = JSON.parse(readFileSync(file, 'utf8'));
      const edited = JSON.stringify({...sample, name: {...sample.name, en: 'Region of Southern Denmark (edited)'}});
      await after(
        () => {
          writeFileSync(file, edited);
        },
        () => page().includes('Region of Southern Denmark (edited)') && published().includes('(edited)'),
        'the edited profile',
      );
      const kiel = JSON.stringify({...sample, id: 'kiel-lab', name: 'Kiel Lab', logo: undefined});
      await after(
        () => {
          writeFileSync(join(dir, 'profiles/kiel-lab.json'), kiel);
        },
        () => page().includes('Kiel Lab') && published().includes('kiel-lab'),
        'the added profile',
      );
      // Eleventy 3 rebuilds for no deleted file (its watcher only forgets it): the next save, of any file, shows the removal.
      rmSync(join(dir, 'profiles/kiel-lab.json'));
      await after(
        () => {
          writeFileSync(file, edited);
        },
        () => !page().includes('Kiel Lab') && !published().includes('kiel-lab'),
        'the removed profile, at the next save',
      );
    } finally {
      try {
        process.kill(-(server.pid ?? 0), 'SIGTERM');
      } catch {
        // already gone
      }
    }
  },
);

test('publish with the address kept in partner-card.config.json for that path: the ready-made embed code is published too; for another path, not', async () => {
  const dir = site({'about.html': '<html lang="en"><body><partner-card partner="region-southern-denmark"></partner-card></body></html>\n'});
  const cwd = process.cwd();
  const log = console.log;
  console.log = () => {};
  try {
    writeFileSync(join(dir, 'partner-card.config.json'), JSON.stringify({url: 'https://project.example/embed/'}));
    process.chdir(dir);
    await build(dir, 'kept', {profiles: 'profiles', publish: '/embed/'});
    const code = readFileSync(join(dir, 'kept/embed/partners/region-southern-denmark.da.html'), 'utf8');
    assert.match(code, /^<script type="module" src="https:\/\/project\.example\/embed\/partner-card-[^"]+\.js" integrity="sha384-/);
    await build(dir, 'elsewhere', {profiles: 'profiles', publish: '/cards/'});
    assert.ok(
      !readdirSync(join(dir, 'elsewhere/cards/partners')).some((f) => f.endsWith('.html')),
      'no code for an address that is not this path',
    );
  } finally {
    console.log = log;
    process.chdir(cwd);
  }
});

// The package as another project meets it: `npm pack`, then an install of the
// tarball into a fresh project in a temporary folder (a copy, no link to this
// checkout), where the command runs through npx, strict TypeScript type-checks
// a page's code with moduleResolution bundler and node16, Vite builds a
// page that imports the element, and Eleventy builds a site with the plugin
// added as README shows it. Needs the built dist/ (npm test builds first)
// and the npm registry, or npm's cache, for the package's dependencies.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {freePort, nginx, startNginx} from '../support/nginx.mjs';
import {tempFolder} from '../support/temp-folders.mjs';
import {programOf, which} from '../../node/browsers.mjs';

const root = new URL('../../', import.meta.url).pathname;
const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const SAMPLE = JSON.parse(readFileSync(join(root, 'demo/embed/partners/region-southern-denmark.json'), 'utf8'));
/** README's fenced block in `language`. @param {string} language */
const readmeBlock = (language) =>
  new RegExp('```' + language + '\\n([^]*?)```').exec(readFileSync(join(root, 'README.md'), 'utf8'))?.[1] ?? '';
/** The versions this checkout tests with, so the fresh project needs nothing npm has not already fetched. */
const installed = (/** @type {string} */ name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

/** @param {string} cwd @param {string} command @param {string[]} args */
function run(cwd, command, args) {
  const result = spawnSync(command, args, {cwd, encoding: 'utf8', env: {...process.env, npm_config_update_notifier: 'false'}});
  return {code: result.status, out: `${result.stdout}${result.stderr}`, stdout: result.stdout};
}

const dir = tempFolder('consumer');
const project = join(dir, 'project');

test.before(() => {
  const tarball =
    execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], {cwd: root, encoding: 'utf8'}).trim().split('\n').pop() ?? '';
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'a-partner-site',
      private: true,
      type: 'module',
      dependencies: {'partner-card': `file:../${tarball}`},
      devDependencies: {typescript: installed('typescript'), vite: installed('vite'), '@11ty/eleventy': installed('@11ty/eleventy')},
    }),
  );
  const install = run(project, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--install-links']);
  assert.equal(install.code, 0, install.out);
});

test('the tarball holds what users need and nothing else', () => {
  const files = readdirSync(join(project, 'node_modules/partner-card'), {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(join(project, 'node_modules/partner-card/').length))
    .sort();
  for (const needed of [
    'LICENSE',
    'README.md',
    'CHANGELOG.md',
    'package.json',
    'dist/partner-card.js',
    'dist/partner-directory.js',
    'dist/prerender.js',
    'dist/eleventy.js',
    'dist/cli.js',
    'dist/profile.schema.json',
    'dist/custom-elements.json',
    'dist/types/src/index.d.ts',
    'dist/types/node/prerender.d.ts',
    'dist/types/node/eleventy.d.mts',
  ]) {
    assert.ok(files.includes(needed), `${needed} is in the package`);
  }
  const unwanted = files.filter((f) =>
    /^(src|test|demo|tools|pages|node|shared|locales)\/|^dist\/(partners|embed)|-\d+\.\d+\.\d+\.js|release\.json/.test(f),
  );
  assert.deepEqual(unwanted, [], 'no sources, tests, fixtures, demo data or site files');
  // Not a link back to this checkout: a copy.
  assert.ok(
    !readdirSync(join(project, 'node_modules'), {withFileTypes: true})
      .find((e) => e.name === 'partner-card')
      ?.isSymbolicLink(),
  );
});

test('npx partner-card: --version, then index, prerender and the XLIFF round trip on a small site', () => {
  const version = run(project, 'npx', ['--no', '--', 'partner-card', '--version']);
  assert.equal(version.code, 0, version.out);
  assert.equal(version.stdout, `${own.version}\n`);

  cpSync(join(root, 'demo/embed/partners'), join(project, 'profiles'), {recursive: true});
  // The index is the command's to write (a checkout's demo folder may hold one from an earlier run).
  rmSync(join(project, 'profiles/index.json'), {force: true});
  mkdirSync(join(project, 'site/partners'), {recursive: true});
  writeFileSync(
    join(project, 'site/index.html'),
    '<!doctype html><html lang="da"><body><partner-directory></partner-directory></body></html>\n',
  );
  writeFileSync(
    join(project, 'site/partners/rsd.html'),
    '<!doctype html><html lang="en"><body><partner-card partner="region-southern-denmark"></partner-card></body></html>\n',
  );
  const index = run(project, 'npx', ['--no', '--', 'partner-card', 'index', 'profiles']);
  assert.equal(index.code, 0, index.out);
  assert.match(index.out, /wrote profiles\/index\.json with 1 partner/);
  const prerender = run(project, 'npx', [
    '--no',
    '--',
    'partner-card',
    'prerender',
    'site',
    '--profiles',
    'profiles',
    '--base',
    '/embed/partners/',
  ]);
  assert.equal(prerender.code, 0, prerender.out);
  assert.match(prerender.out, /2 tag\(s\) prerendered; 2 file\(s\) changed/);
  assert.match(
    readFileSync(join(project, 'site/partners/rsd.html'), 'utf8'),
    /<template shadowrootmode="open">.*Region of Southern Denmark/s,
  );
  assert.match(readFileSync(join(project, 'site/index.html'), 'utf8'), /<template shadowrootmode="open">/);

  // The XML parser is one of the package's dependencies: the XLIFF round trip runs on what the install brought.
  const exported = run(project, 'npx', ['--no', '--', 'partner-card', 'xliff', 'export', 'profiles', '--out', 'profiles-da.xlf']);
  assert.equal(exported.code, 0, exported.out);
  assert.match(
    readFileSync(join(project, 'profiles-da.xlf'), 'utf8'),
    /<trans-unit id="region-southern-denmark:\$\.name"[^>]* approved="yes">/,
  );
  const imported = run(project, 'npx', ['--no', '--', 'partner-card', 'xliff', 'import', 'profiles-da.xlf', 'profiles']);
  assert.equal(imported.code, 0, imported.out);
  assert.match(imported.out, /0 text\(s\) imported, 26 unchanged/);

  const unknown = run(project, 'npx', ['--no', '--', 'partner-card', 'prerender', 'site', '--profiles', 'nowhere', '--base', '/p/']);
  assert.equal(unknown.code, 2, `a --profiles folder that does not exist is a bad argument: ${unknown.out}`);
  assert.match(unknown.out, /the profiles folder "nowhere" \(--profiles\) does not exist/);
  const usage = run(project, 'npx', ['--no', '--', 'partner-card', 'prerender', 'site']);
  assert.equal(usage.code, 2, `no profiles folder and no settings: a usage error, never the demo's: ${usage.out}`);
  const noFolder = run(project, 'npx', ['--no', '--', 'partner-card', 'index']);
  assert.equal(noFolder.code, 2, noFolder.out);
  assert.match(noFolder.out, /name the folder of profiles/);
  // The project's kept settings, in the folder the command runs in (not the package's).
  writeFileSync(join(project, 'partner-card.config.json'), JSON.stringify({profiles: 'profiles', url: 'https://project.example/embed/'}));
  const keptIndex = run(project, 'npx', ['--no', '--', 'partner-card', 'index']);
  assert.equal(keptIndex.code, 0, keptIndex.out);
  assert.match(keptIndex.out, /wrote profiles\/index\.json/);
  const kept = run(project, 'npx', ['--no', '--', 'partner-card', 'prerender', 'site']);
  assert.equal(kept.code, 0, kept.out);
  assert.match(
    readFileSync(join(project, 'site/partners/rsd.html'), 'utf8'),
    /src="https:\/\/project\.example\/embed\/partners\/region-southern-denmark\.svg"/,
  );
  rmSync(join(project, 'partner-card.config.json'));
});

const PAGE = `import {PartnerCard, type Profile} from 'partner-card';
import {PartnerDirectory} from 'partner-card/directory';
import type {PrerenderResult} from 'partner-card/prerender';

const card = document.createElement('partner-card');
const typed: PartnerCard = card;
typed.partner = 'region-southern-denmark';
typed.variant = 'compact';
// @ts-expect-error: a number is not a partner id, so the element is typed, not any
typed.partner = 42;
const list: PartnerDirectory = document.createElement('partner-directory');
const name: Profile['name'] = {en: 'Region of Southern Denmark', da: 'Region Syddanmark'};
const result: PrerenderResult | undefined = undefined;
console.log(card instanceof PartnerCard, list, name, result);
`;

test('strict TypeScript, moduleResolution bundler, node16 and nodenext: createElement gives PartnerCard, and the profile and Node types', () => {
  writeFileSync(join(project, 'page.ts'), PAGE);
  const common = {strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: []};
  for (const [name, options] of /** @type {const} */ ([
    ['bundler', {module: 'ESNext', moduleResolution: 'bundler'}],
    ['node16', {module: 'node16', moduleResolution: 'node16'}],
    ['nodenext', {module: 'nodenext', moduleResolution: 'nodenext'}],
  ])) {
    writeFileSync(join(project, `tsconfig.${name}.json`), JSON.stringify({compilerOptions: {...common, ...options}, files: ['page.ts']}));
    const check = run(project, 'npx', ['--no', '--', 'tsc', '-p', `tsconfig.${name}.json`]);
    assert.equal(check.code, 0, `${name}: ${check.out}`);
  }
});

test('Vite builds a page that imports the package, without a warning', () => {
  writeFileSync(
    join(project, 'index.html'),
    '<!doctype html><html lang="en"><body><partner-card partner="region-southern-denmark"></partner-card><script type="module" src="./main.js"></script></body></html>\n',
  );
  writeFileSync(
    join(project, 'main.js'),
    "import {PartnerCard} from 'partner-card';\nimport 'partner-card/directory';\nconsole.log(customElements.get('partner-card') === PartnerCard);\n",
  );
  const build = run(project, 'npx', ['--no', '--', 'vite', 'build', '--logLevel', 'warn']);
  assert.equal(build.code, 0, build.out);
  // Vite warned on every build that new URL('partners/', import.meta.url) "doesn't exist at build time".
  assert.equal(build.out.trim(), '', 'Vite says nothing at its warning level');
  const assets = readdirSync(join(project, 'dist/assets')).filter((f) => f.endsWith('.js'));
  assert.equal(assets.length, 1, assets.join(', '));
  const bundle = readFileSync(join(project, 'dist/assets', assets[0] ?? ''), 'utf8');
  assert.match(bundle, /partner-card/, 'the element is in the page bundle');
  assert.match(readFileSync(join(project, 'dist/index.html'), 'utf8'), /<script type="module" crossorigin src="\/assets\//);
});

test("Eleventy with README's three lines: the site's cards are prerendered", () => {
  mkdirSync(join(project, 'eleventy-site'), {recursive: true});
  cpSync(join(root, 'demo/embed/partners'), join(project, 'eleventy-profiles'), {recursive: true});
  writeFileSync(
    join(project, 'eleventy-site/index.md'),
    '# Partner\n\n<partner-card partner="region-southern-denmark" lang="da"></partner-card>\n',
  );
  writeFileSync(
    join(project, 'eleventy.config.js'),
    `import partnerCard from 'partner-card/eleventy';
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(partnerCard, {profiles: 'eleventy-profiles', base: '/embed/partners/'});
}
`,
  );
  const build = run(project, 'npx', ['--no', '--', 'eleventy', '--input=eleventy-site', '--output=_site', '--quiet']);
  assert.equal(build.code, 0, build.out);
  assert.match(
    readFileSync(join(project, '_site/index.html'), 'utf8'),
    /<partner-card partner="region-southern-denmark" lang="da"><template shadowrootmode="open">/,
  );
  writeFileSync(join(project, 'eleventy-site/other.md'), '<partner-card partner="nobody"></partner-card>\n');
  const broken = run(project, 'npx', ['--no', '--', 'eleventy', '--input=eleventy-site', '--output=_site', '--quiet']);
  assert.equal(broken.code, 1, broken.out);
  assert.match(
    broken.out,
    /^partner-card: error: \.\/eleventy-site\/other\.md:1: <partner-card partner="nobody">: there is no profile "nobody"$/m,
  );
});

/**
 * The site as its visitors meet it, in Debian's Chromium (playwright-core, no
 * browser downloaded): a partner's page on another origin with the ready-made
 * embed code shows the card before any script runs (scripts off) and live
 * (`partner-card-load`); the directory lists every partner; the embed builder
 * and the translator preview open with the published partners. Each page's
 * console errors fail the test.
 * @param {{embed: string, partnerPage: string, directoryPage: string, ids: string[]}} site
 */
async function visit({embed, partnerPage, directoryPage, ids}) {
  const {chromium} = await import('playwright-core');
  const browser = await chromium.launch({executablePath: programOf('chromium'), args: ['--no-sandbox', '--disable-gpu']});
  try {
    const still = await browser.newContext({javaScriptEnabled: false});
    const first = await still.newPage();
    await first.goto(partnerPage);
    assert.equal(
      await first.locator('partner-card [role="heading"][aria-level="2"]').textContent(),
      'Region of Southern Denmark',
      'the card is there with no script run',
    );
    const context = await browser.newContext();
    /** @type {string[]} */
    const problems = [];
    context.on('weberror', (error) => problems.push(error.error().message));
    const page = async (/** @type {string} */ url) => {
      const opened = await context.newPage();
      opened.on('console', (message) => {
        // The site's own favicon.ico is not the package's to publish.
        if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(`${url}: ${message.text()}`);
      });
      await opened.addInitScript(() => {
        addEventListener('partner-card-load', () => {
          document.documentElement.setAttribute('data-card-live', '');
        });
        addEventListener('partner-directory-load', (event) => {
          document.documentElement.setAttribute('data-listed', String(/** @type {CustomEvent<{count: number}>} */ (event).detail.count));
        });
      });
      await opened.goto(url);
      return opened;
    };
    // The limits are the product's: a card loads its profile at once, a list is complete 2 s after it starts.
    const live = await page(partnerPage);
    await live.waitForSelector('html[data-card-live]', {timeout: 10_000});
    assert.equal(await live.locator('partner-card [role="heading"][aria-level="2"]').count(), 1, 'one card, the live one');
    const list = await page(directoryPage);
    await list.waitForSelector('html[data-listed]', {timeout: 10_000});
    assert.equal(await list.getAttribute('html', 'data-listed'), String(ids.length));
    assert.equal(await list.locator('partner-directory li').count(), ids.length, 'every partner is listed');
    const builder = await page(`${embed}embed.html`);
    await builder.waitForFunction((count) => document.querySelectorAll('#partner option').length === count, ids.length, {timeout: 10_000});
    const preview = await page(`${embed}translate.html?ui=da`);
    await preview.waitForFunction((count) => document.querySelectorAll('#profile option:not([disabled])').length === count, ids.length, {
      timeout: 10_000,
    });
    assert.equal(await preview.getAttribute('html', 'lang'), 'da', 'the preview in Danish, its words bundled');
    assert.deepEqual(problems, [], 'no console error on any page');
  } finally {
    await browser.close();
  }
}

/**
 * A second origin (`localhost`, where the site is `127.0.0.1`): serves `pages` by path.
 * @param {Record<string, string>} pages
 */
async function partnerSite(pages) {
  const {createServer} = await import('node:http');
  const server = createServer((request, response) => {
    const page = /** @type {string | undefined} */ (pages[request.url ?? '']);
    response.writeHead(page ? 200 : 404, {'content-type': 'text/html; charset=utf-8'});
    response.end(page ?? 'not found');
  });
  const port = await freePort();
  await new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => {
      resolve(undefined);
    }),
  );
  return {origin: `http://localhost:${port}`, close: () => server.close()};
}

const browserAndServer = !nginx
  ? 'nginx is not installed (apt-get install nginx-light)'
  : !which('chromium')
    ? 'Chromium is not installed (apt-get install chromium)'
    : false;

test(
  "the installed package publishes the site's folder; README's nginx serves it; check-deploy finds nothing; partners' pages, the directory, the builder and the preview work",
  {skip: browserAndServer},
  async () => {
    mkdirSync(join(project, 'published'));
    cpSync(join(root, 'demo/embed/partners'), join(project, 'published-profiles'), {recursive: true});
    rmSync(join(project, 'published-profiles/index.json'), {force: true});
    const kiel = {...SAMPLE, id: 'kiel-maritime-cluster', name: 'Kiel Maritime Cluster', shortName: 'KMC', country: 'DE'};
    delete kiel.logo;
    writeFileSync(join(project, 'published-profiles/kiel-maritime-cluster.json'), JSON.stringify(kiel));
    const site = join(project, 'published');
    // The site's own home page; the port is known once nginx runs, and --url needs it, so nginx serves the folder from the start.
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Project</title>');
    const server = await startNginx({root: site, location: readmeBlock('nginx'), probe: '/index.html'});
    try {
      const embed = `${server.origin}/embed/`;
      const published = run(project, 'npx', [
        '--no',
        '--',
        'partner-card',
        'publish',
        'published-profiles',
        '--out',
        'published/embed',
        '--url',
        embed,
      ]);
      assert.equal(published.code, 0, published.out);
      assert.match(published.out, /Published published\/embed\/ in [\d.]+ s: 2 partner\(s\) in en and da/);
      const check = run(project, 'npx', ['--no', '--', 'partner-card', 'check-deploy', embed]);
      assert.equal(check.code, 0, check.out);
      assert.match(check.out, /: 0 error\(s\), 0 warning\(s\)\./);
      const partner = await partnerSite({
        '/about.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>About us</title></head><body><main><h1>About us</h1>\n${readFileSync(join(site, 'embed/partners/region-southern-denmark.en.html'), 'utf8')}</main></body></html>`,
        '/partners.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partners</title><script type="module" src="${embed}partner-directory.js"></script></head><body><main><h1>Partners</h1><partner-directory></partner-directory></main></body></html>`,
      });
      try {
        await visit({
          embed,
          partnerPage: `${partner.origin}/about.html`,
          directoryPage: `${partner.origin}/partners.html`,
          ids: ['kiel-maritime-cluster', 'region-southern-denmark'],
        });
      } finally {
        partner.close();
      }
    } finally {
      server.stop();
      rmSync(join(project, 'partner-card.config.json'), {force: true});
    }
  },
);

test(
  "Eleventy with the plugin's publish option: the site's own output holds the folder; nginx serves it; check-deploy finds nothing; pages, directory, builder and preview work",
  {skip: browserAndServer},
  async () => {
    const input = join(project, 'eleventy-published');
    mkdirSync(input, {recursive: true});
    cpSync(join(root, 'demo/embed/partners'), join(project, 'eleventy-published-profiles'), {recursive: true});
    rmSync(join(project, 'eleventy-published-profiles/index.json'), {force: true});
    writeFileSync(
      join(input, 'about.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>About</title><script type="module" src="/embed/partner-card.js"></script></head><body><main><partner-card partner="region-southern-denmark"></partner-card></main></body></html>\n',
    );
    writeFileSync(
      join(input, 'partners.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partners</title><script type="module" src="/embed/partner-directory.js"></script></head><body><main><partner-directory></partner-directory></main></body></html>\n',
    );
    writeFileSync(
      join(project, 'eleventy-published.config.js'),
      `import partnerCard from 'partner-card/eleventy';
export default (eleventyConfig) => eleventyConfig.addPlugin(partnerCard, {profiles: 'eleventy-published-profiles', publish: '/embed/'});
`,
    );
    const build = run(project, 'npx', [
      '--no',
      '--',
      'eleventy',
      '--config=eleventy-published.config.js',
      '--input=eleventy-published',
      '--output=_published',
      '--quiet',
    ]);
    assert.equal(build.code, 0, build.out);
    assert.match(build.out, /partner-card: published \/embed\/ \(_published\/embed\/?\) in [\d.]+ s: 1 partner\(s\)/);
    // Eleventy writes about.html as about/index.html.
    assert.match(
      readFileSync(join(project, '_published/about/index.html'), 'utf8'),
      /<template shadowrootmode="open">.*src="\/embed\/partners\/region-southern-denmark\.svg"/s,
    );
    const server = await startNginx({root: join(project, '_published'), location: readmeBlock('nginx'), probe: '/embed/release.json'});
    try {
      const embed = `${server.origin}/embed/`;
      const check = run(project, 'npx', ['--no', '--', 'partner-card', 'check-deploy', embed]);
      assert.equal(check.code, 0, check.out);
      assert.match(check.out, /: 0 error\(s\), 0 warning\(s\)\./);
      await visit({
        embed,
        partnerPage: `${server.origin}/about/`,
        directoryPage: `${server.origin}/partners/`,
        ids: ['region-southern-denmark'],
      });
    } finally {
      server.stop();
    }
  },
);

// README's server configurations, run for real: nginx and Apache each serve a
// copy of dist/ as /embed/ with exactly the block README gives, and
// `npm run check-deploy` finds nothing to say. Each is skipped, visibly, where
// that server is not installed (.ci/run installs both).
import {test, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFile, spawn, spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {freePort, nginx, startNginx} from '../support/nginx.mjs';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const installed = (/** @type {string[]} */ paths, /** @type {string[]} */ ...args) =>
  paths.find((path) => spawnSync(path, args).status === 0);
const apache = installed(['/usr/sbin/apache2', '/usr/sbin/httpd'], '-v');
const APACHE_MODULES = ['/usr/lib/apache2/modules', '/usr/lib64/httpd/modules', '/usr/lib/httpd/modules'];

/** README's fenced block in `language`, which must exist. */
/** @param {string} language */
function readmeBlock(language) {
  const block = new RegExp('```' + language + '\\n([^]*?)```').exec(readme)?.[1];
  assert.ok(block, `README has a \`\`\`${language} block`);
  return block;
}

/** A throwaway site folder with dist/ uploaded as www/embed/, readable by a server's unprivileged workers. */
/** @param {string} name */
function uploadDist(name) {
  const site = tempFolder(name);
  cpSync(join(root, 'dist'), join(site, 'www/embed'), {recursive: true});
  mkdirSync(join(site, 'logs'));
  spawnSync('chmod', ['-R', 'a+rX', site]);
  return site;
}

/** Starts the server, waits for it to answer, and returns what check-deploy printed for it. */
/** @param {string} command @param {string[]} args @param {number} port */
async function checkDeploy(command, args, port) {
  // A process group of its own, stopped as a whole: Apache's workers (another
  // user's processes as root) go with it, and nothing it signals reaches the test run.
  const server = spawn(command, args, {stdio: 'inherit', detached: true});
  after(() => {
    try {
      process.kill(-(server.pid ?? 0), 'SIGTERM');
    } catch {
      // already gone
    }
  });
  const url = `http://127.0.0.1:${port}/embed/`;
  for (let i = 0; i < 50; i++) {
    if (
      await fetch(url + 'release.json').then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return checkDeployAt(url);
}

/** What check-deploy prints for the folder at `url`. @param {string} url */
async function checkDeployAt(url) {
  const {stdout} = await promisify(execFile)(process.execPath, [join(root, 'tools/cli/partner-card.mjs'), 'check-deploy', url]).catch(
    (/** @type {unknown} */ e) => /** @type {{stdout: string}} */ (e),
  );
  return stdout;
}

/** nginx serving an uploaded dist/ with `location` inside a server that also has `competing`; what check-deploy printed. */
/** @param {string} location */
async function nginxWith(location, competing = '') {
  const site = uploadDist('nginx');
  const server = await startNginx({root: join(site, 'www'), location, competing, probe: '/embed/release.json'});
  try {
    return await checkDeployAt(`${server.origin}/embed/`);
  } finally {
    server.stop();
  }
}

test(
  "README's nginx configuration serves dist/ as partners' pages need it, also beside a site's own regex location for scripts: check-deploy finds no error and no warning",
  {skip: nginx ? false : 'nginx is not installed (apt-get install nginx-light)'},
  async () => {
    const block = readmeBlock('nginx');
    assert.ok(block.includes('/var/www/project'), 'the block names the folder /var/www/project');
    assert.match(await nginxWith(block), /: 0 error\(s\), 0 warning\(s\)\.\n/);
    // A rule many sites already have for long caching of assets.
    const assets = 'location ~* \\.(css|js|svg)$ { expires 30d; }';
    assert.match(await nginxWith(block, assets), /: 0 error\(s\), 0 warning\(s\)\.\n/, "README's block wins over the regex location");
    // Without ^~ the regex location answers for the module: check-deploy names the cause and the fix.
    const plain = await nginxWith(block.replace('location ^~ /embed/', 'location /embed/'), assets);
    assert.match(plain, /no Access-Control-Allow-Origin header/);
    assert.match(
      plain,
      /in nginx, a regex location \(such as location ~\* \\\.\(css\|js\|svg\)\$\) wins over a plain "location \/embed\/" \(write "location \^~ \/embed\/"\)/,
    );
  },
);

test(
  "README's Apache .htaccess serves dist/ as partners' pages need it: check-deploy finds no error and no warning",
  {skip: apache ? false : 'Apache is not installed (apt-get install apache2-bin media-types)'},
  async () => {
    const block = readmeBlock('apache');
    const site = uploadDist('apache');
    // The file as README has it, in the uploaded folder, where README says it goes.
    writeFileSync(join(site, 'www/embed/.htaccess'), block);
    const modules = APACHE_MODULES.find((folder) => spawnSync('test', ['-f', join(folder, 'mod_headers.so')]).status === 0);
    assert.ok(modules, 'Apache has mod_headers');
    const port = await freePort();
    // A plain server as a host would run it: the system's MIME types, .htaccess
    // allowed to set headers and types, nothing else switched on.
    const load = (/** @type {string} */ name) => `LoadModule ${name}_module ${modules}/mod_${name}.so`;
    writeFileSync(
      join(site, 'httpd.conf'),
      `ServerRoot ${site}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${site}/httpd.pid
ErrorLog ${site}/logs/error.log
${['mpm_event', 'authz_core', 'mime', 'headers', 'dir'].map(load).join('\n')}
${process.getuid?.() === 0 ? 'User www-data\nGroup www-data' : ''}
TypesConfig /etc/mime.types
DocumentRoot ${site}/www
<Directory ${site}/www>
    AllowOverride FileInfo
    Require all granted
</Directory>
`,
    );
    const stdout = await checkDeploy(/** @type {string} */ (apache), ['-f', join(site, 'httpd.conf'), '-DFOREGROUND'], port);
    assert.match(stdout, /: 0 error\(s\), 0 warning\(s\)\.\n/, stdout);
  },
);

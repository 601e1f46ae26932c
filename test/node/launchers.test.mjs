// The launchers the test runner and the bench share (node/launchers.mjs):
// a run stopped by a signal takes the programs they started with it.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {once} from 'node:events';
import {existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** Whether process `pid` still runs. @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('a run stopped by SIGTERM stops Xvfb and WebKitWebDriver, removes their settings folder, says so, and ends by the signal', async () => {
  // WebKit's launcher starts its programs at once (Chromium's and Firefox's only when a test runs);
  // with reduced motion it writes GTK's settings into a folder of its own first.
  const script = "import {browsersWith} from './node/launchers.mjs'; await browsersWith({reducedMotion: 'reduce'}); console.log('ready');";
  const run = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: {...process.env, BROWSERS: 'webkit'},
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pid = /** @type {number} */ (run.pid);
  let stderr = '';
  run.stderr.setEncoding('utf8').on('data', (/** @type {string} */ chunk) => (stderr += chunk));
  try {
    await new Promise((resolve, reject) => {
      // WebKitWebDriver answers within its launcher's own 10 s; Xvfb starts first.
      const timer = setTimeout(() => {
        reject(new Error(`the launcher was not ready within 20 s: ${stderr}`));
      }, 20_000);
      run.stdout.setEncoding('utf8').on('data', (/** @type {string} */ chunk) => {
        if (!chunk.includes('ready')) return;
        clearTimeout(timer);
        resolve(undefined);
      });
    });
    const programs = spawnSync('pgrep', ['-P', String(pid), '-l'], {encoding: 'utf8'})
      .stdout.trim()
      .split('\n')
      .map((line) => line.split(' '));
    assert.deepEqual(programs.map(([, name]) => name).sort(), ['WebKitWebDriver', 'Xvfb']);
    const settings = join(tmpdir(), `partner-card-gtk-${pid}-gtk-enable-animations`);
    assert.ok(existsSync(settings), `${settings} is written while WebKit runs`);
    const exited = once(run, 'exit');
    run.kill('SIGTERM');
    const [code, signal] = await exited;
    assert.deepEqual({code, signal}, {code: null, signal: 'SIGTERM'});
    assert.match(stderr, /received SIGTERM: stopping the browsers/);
    // They were sent SIGTERM; each ends within moments.
    const until = Date.now() + 5000;
    while (programs.some(([child]) => alive(Number(child))) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(
      programs.filter(([child]) => alive(Number(child))),
      [],
      'programs left running',
    );
    assert.ok(!existsSync(settings), `${settings} is left behind`);
  } finally {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // The group has ended.
    }
  }
});

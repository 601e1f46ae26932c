// The Node versions README names are ones npm installs without an engine
// warning: every locked package accepts them (development), and every package a
// site installs with partner-card accepts the package's own `engines`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import semver from 'semver';

const root = new URL('../../', import.meta.url);
/** @type {{packages: Record<string, {engines?: {node?: string}, dev?: boolean, devOptional?: boolean}>}} */
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8'));
const readme = readFileSync(new URL('README.md', root), 'utf8');
/** @type {{engines: {node: string}}} */
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

/** @param {string} version @param {(entry: {dev?: boolean, devOptional?: boolean}) => boolean} which */
const refusing = (version, which) =>
  Object.entries(lock.packages)
    .filter(([name, entry]) => name && which(entry) && entry.engines?.node && !semver.satisfies(version, entry.engines.node))
    .map(([name, entry]) => `${name} wants ${entry.engines?.node}`);

test('every locked package accepts the development Node versions README names (npm ci warns of none)', () => {
  const named = readme.match(/^## Development\n\nNode (\d+\.\d+\.\d+) or later \(in the \d+ line; or ([\d., ]+) or later in theirs/m);
  assert.ok(named, "README's Development section names the oldest Node for development");
  const versions = [named[1], ...named[2].split(/,\s*|\s+or\s+/).filter(Boolean)];
  assert.ok(versions.length >= 3, versions.join(' '));
  for (const version of versions)
    assert.deepEqual(
      refusing(version, () => true),
      [],
      `Node ${version}`,
    );
});

test("every package a site installs with partner-card accepts the package's engines (README: Node 20.10)", () => {
  const oldest = semver.minVersion(pkg.engines.node)?.version;
  assert.equal(oldest, '20.10.0');
  assert.match(readme, /for Node 20\.10 or later/);
  assert.deepEqual(
    refusing(oldest, (entry) => !entry.dev && !entry.devOptional),
    [],
  );
});

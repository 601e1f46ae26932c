// The profiles folder as `partner-card prerender` and the Eleventy plugin read
// it (node/profile-source.mjs): hostile files are refused by name.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {profileSource} from '../../node/profile-source.mjs';

/** @param {(dir: string) => void} body */
function inFolder(body) {
  const dir = mkdtempSync(join(tmpdir(), 'partner-card-source-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

test('a profile is read once; an id that is not one, or no file, is no profile', () => {
  inFolder((dir) => {
    writeFileSync(join(dir, 'a-b.json'), '{"id": "a-b"}');
    const source = profileSource(dir);
    assert.deepEqual(source.profile('a-b'), {id: 'a-b'});
    rmSync(join(dir, 'a-b.json'));
    assert.deepEqual(source.profile('a-b'), {id: 'a-b'}, 'from the first read, however many tags name it');
    assert.equal(source.profile('../a-b'), undefined);
    assert.equal(source.profile('nobody'), undefined);
    assert.equal(source.index(), undefined);
  });
});

test('malformed JSON, a symbolic link and a huge file are refused, each named', () => {
  inFolder((dir) => {
    writeFileSync(join(dir, 'broken.json'), '{"id": ');
    assert.throws(() => profileSource(dir).profile('broken'), /broken\.json:1:8: The file is not valid JSON/);
    writeFileSync(join(dir, 'elsewhere.txt'), '{}');
    symlinkSync(join(dir, 'elsewhere.txt'), join(dir, 'linked.json'));
    assert.throws(() => profileSource(dir).profile('linked'), /linked\.json.*symbolic link/);
    // Sparse: 17 MB on paper, nothing on disk, refused before it is read.
    writeFileSync(join(dir, 'index.json'), '');
    truncateSync(join(dir, 'index.json'), 17 * 1024 * 1024);
    assert.throws(() => profileSource(dir).index(), /index\.json is larger than 16 MB: not a profile/);
  });
});

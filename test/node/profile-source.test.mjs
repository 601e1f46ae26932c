// The profiles folder as `partner-card prerender` and the Eleventy plugin read
// it (node/profile-source.mjs): hostile files are refused by name.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {profileSource} from '../../node/profile-source.mjs';
import {tempFolder} from '../support/temp-folders.mjs';

const SAMPLE = readFileSync(new URL('../../demo/embed/partners/region-southern-denmark.json', import.meta.url), 'utf8');

/** @param {(dir: string) => void} body */
function inFolder(body) {
  const dir = tempFolder('source');
  body(dir);
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
  });
});

test('malformed JSON, a symbolic link and a huge file are refused, each named', () => {
  inFolder((dir) => {
    writeFileSync(join(dir, 'broken.json'), '{"id": ');
    assert.throws(() => profileSource(dir).profile('broken'), /broken\.json:1:8: The file is not valid JSON/);
    writeFileSync(join(dir, 'elsewhere.txt'), '{}');
    symlinkSync(join(dir, 'elsewhere.txt'), join(dir, 'linked.json'));
    assert.throws(() => profileSource(dir).profile('linked'), /linked\.json.*symbolic link/);
    // A list is made from every profile: one that cannot be read stops it, named.
    assert.throws(
      () => profileSource(dir).index(),
      /a list is made from every profile in the folder, and .*broken\.json:1:8: The file is not valid JSON/,
    );
  });
  inFolder((dir) => {
    writeFileSync(join(dir, 'region-southern-denmark.json'), SAMPLE);
    // Sparse: 17 MB on paper, nothing on disk, refused before it is read.
    writeFileSync(join(dir, 'index.json'), '');
    truncateSync(join(dir, 'index.json'), 17 * 1024 * 1024);
    assert.throws(() => profileSource(dir).index(), /index\.json is larger than 16 MB: not a profile/);
  });
});

test('the index is made from the profiles; an index.json that says otherwise is named with each difference', () => {
  inFolder((dir) => {
    writeFileSync(join(dir, 'region-southern-denmark.json'), SAMPLE);
    const profile = JSON.parse(SAMPLE);
    const kiel = {...profile, id: 'kiel-lab', name: 'Kiel Lab', country: 'DE'};
    delete kiel.logo;
    writeFileSync(join(dir, 'kiel-lab.json'), JSON.stringify(kiel));
    // Kept by hand, before kiel-lab was added and the summary was changed.
    const old = {
      version: 1,
      partners: [
        {id: profile.id, name: profile.name, shortName: profile.shortName, country: 'DK', summary: {en: 'Old.'}, logo: profile.logo},
      ],
    };
    writeFileSync(join(dir, 'index.json'), JSON.stringify(old));
    const source = profileSource(dir);
    assert.equal(source.staleIndex(), undefined, 'said once the index was made');
    const index = /** @type {{partners: {id: string, summary: unknown}[]}} */ (source.index());
    assert.deepEqual(
      index.partners.map((p) => p.id),
      ['kiel-lab', 'region-southern-denmark'],
    );
    assert.deepEqual(index.partners[1].summary, profile.summary, "the profile's text, not the old copy's");
    assert.match(
      source.staleIndex() ?? '',
      /index\.json is not what the profiles say \(kiel-lab is missing \(its profile is there\); region-southern-denmark: its summary is not the profile's; it has no "countries" \(their names in each language\)\): lists are drawn from the profiles; run partner-card index .* to bring it up to date, or delete it/,
    );
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
    const fresh = profileSource(dir);
    fresh.index();
    assert.equal(fresh.staleIndex(), undefined, 'an index that agrees is no warning');
  });
});

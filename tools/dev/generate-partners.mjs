// node tools/dev/generate-partners.mjs --count N --out DIR [--with-sample]
//
// Writes N synthetic partner profiles (clearly named "Synthetic …"), each
// with a small SVG logo, into DIR, then the index with `partner-card index`.
// For the demo's project site and for the benchmark; deterministic, so runs
// compare. --with-sample adds the real Region of Southern Denmark sample.
import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {readArgs, runAsCommand} from '../../node/command-line.mjs';

const USAGE = 'Usage: node tools/dev/generate-partners.mjs [--count <n>] [--out <folder>] [--with-sample]';

/** @param {string[]} args @returns {number} exit code */
function main(args) {
  const read = readArgs(
    {
      args,
      options: {
        count: {type: 'string', default: '24'},
        out: {type: 'string', default: 'demo/generated/partners'},
        'with-sample': {type: 'boolean'},
      },
    },
    USAGE,
  );
  if (!read) return 2;
  const count = Number(read.values.count);
  const out = read.values.out;

  // Places with the letters search must cope with (ø, å, æ, ä, ö, ü, é, ì…).
  const PLACES = [
    ['Sønderborg', 'DK'],
    ['Åbenrå', 'DK'],
    ['Ærøskøbing', 'DK'],
    ['Næstved', 'DK'],
    ['Køge', 'DK'],
    ['Malmö', 'SE'],
    ['Umeå', 'SE'],
    ['Lübeck', 'DE'],
    ['Düsseldorf', 'DE'],
    ['Tromsø', 'NO'],
    ['Jyväskylä', 'FI'],
    ['Besançon', 'FR'],
    ['Forlì', 'IT'],
    ['Málaga', 'ES'],
    ['Łódź', 'PL'],
    ['Tartu', 'EE'],
    ['Cork', 'IE'],
    ['Graz', 'AT'],
    ['Brno', 'CZ'],
    ['Porto', 'PT'],
  ];
  const KINDS = [
    ['Telehealth Centre', 'Telesundhedscenter'],
    ['University Hospital', 'Universitetshospital'],
    ['Health Region', 'Sundhedsregion'],
    ['eHealth Lab', 'e-sundhedslaboratorium'],
    ['Care Network', 'Plejenetværk'],
  ];
  const slug = (/** @type {string} */ text) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/ø/g, 'o')
      .replace(/æ/g, 'ae')
      .replace(/ł/g, 'l')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');

  mkdirSync(out, {recursive: true});
  for (let i = 0; i < count; i++) {
    const [place, country] = PLACES[i % PLACES.length];
    const [kindEn, kindDa] = KINDS[Math.floor(i / PLACES.length) % KINDS.length];
    const n = String(i + 1).padStart(String(count).length, '0');
    const id = `synthetic-${n}-${slug(place)}`;
    const hue = (i * 47) % 360;
    writeFileSync(
      join(out, `${id}.svg`),
      `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="64" viewBox="0 0 160 64"><rect width="64" height="64" rx="12" fill="hsl(${hue} 60% 40%)"/><text x="32" y="41" text-anchor="middle" font-family="Arial, sans-serif" font-size="24" font-weight="700" fill="#fff">${place.slice(0, 2)}</text><text x="76" y="38" font-family="Arial, sans-serif" font-size="14" fill="hsl(${hue} 60% 35%)">Synthetic</text></svg>\n`,
    );
    const profile = {
      id,
      name: {en: `Synthetic ${kindEn} ${place} ${n}`, da: `Syntetisk ${kindDa} ${place} ${n}`},
      country,
      logo: {src: `${id}.svg`, alt: {en: `Logo of synthetic partner ${n}`, da: `Logo for syntetisk partner ${n}`}, width: 160, height: 64},
      summary: {
        en: `A synthetic partner in ${place}, generated for the demo and the benchmarks. It offers remote monitoring and video consultations to about ${(i % 9) + 1},000 patients.`,
        da: `En syntetisk partner i ${place}, lavet til demoen og målingerne. Den tilbyder fjernmonitorering og videokonsultationer til omkring ${(i % 9) + 1}.000 patienter.`,
      },
      facts: [
        {label: {en: 'Patients', da: 'Patienter'}, value: ((i % 9) + 1) * 1000, approximate: true},
        {label: {en: 'Budget', da: 'Budget'}, value: (i + 1) * 1.5e6, unit: 'EUR', per: 'year'},
      ],
    };
    writeFileSync(join(out, `${id}.json`), `${JSON.stringify(profile, null, 1)}\n`);
  }
  if (read.values['with-sample']) {
    for (const ext of ['json', 'svg']) {
      copyFileSync(`demo/embed/partners/region-southern-denmark.${ext}`, join(out, `region-southern-denmark.${ext}`));
    }
  }
  execFileSync(process.execPath, [new URL('../cli/partner-card.mjs', import.meta.url).pathname, 'index', out], {stdio: 'inherit'});
  return 0;
}

await runAsCommand(import.meta, main);

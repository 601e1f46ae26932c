// The demo pages as a site would serve them after `npm run prerender`: part
// of `npm run build`. Copies the partner's site, the project site's list
// (English and Danish) and its profile page to demo/generated/ and prerenders them
// there, so demo/ keeps the script-only versions to compare with.
// The profile page stays script-only: its partner comes from its address.
import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {main} from '../cli/prerender.mjs';

const FILES = ['partner-site.html', 'partner-site.css', 'partners.html', 'partners-da.html', 'profile.html', 'profile.js', 'demo.css'];
mkdirSync('demo/generated', {recursive: true});
for (const file of FILES) copyFileSync(`demo/${file}`, `demo/generated/${file}`);
// One folder deeper: the demo's sheet finds the pages' shared base again.
writeFileSync('demo/generated/demo.css', readFileSync('demo/demo.css', 'utf8').replaceAll("url('../pages/", "url('../../pages/"));
// The synthetic partners include the Region of Southern Denmark sample; the partner
// site's card has no base: the module's own partners/ folder, /dist/partners/.
process.exitCode = await main(['demo/generated', '--profiles', 'demo/generated/partners', '--base', '/dist/partners/']);

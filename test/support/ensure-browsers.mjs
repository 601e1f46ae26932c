// `npm test` runs this first: on a fresh machine the browsers are installed here.
import {ensureBrowsers} from '../../node/browsers.mjs';

if (!ensureBrowsers()) process.exitCode = 1;

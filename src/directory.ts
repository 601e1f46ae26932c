import {PartnerDirectory} from './partner-directory.js';
import {define} from './define.js';

/**
 * The directory's module (`partner-directory.js`): `<partner-directory>` and,
 * through `index.ts`, `<partner-card>`, so the project site loads one file for
 * its list and its profile pages.
 */
export * from './index.js';
export {PartnerDirectory};

define('partner-directory', PartnerDirectory);

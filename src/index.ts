import {PartnerCard} from './partner-card.js';
import {define} from './define.js';

/**
 * The card's module (`partner-card.js`): what a partner's page loads to show
 * its one card. The directory is a module of its own (`directory.ts`).
 */
export {PartnerCard};
export type {PartnerCardErrorDetail} from './partner-card.js';
export type {ErrorKind} from '../shared/load-error.js';
export type * from '../shared/profile-types.js';

define('partner-card', PartnerCard);

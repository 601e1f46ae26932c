import {PartnerCard} from './partner-card.js';

export {PartnerCard};
export type {PartnerCardErrorDetail} from './partner-card.js';
export type {ErrorKind} from './load-error.js';
export type * from './profile-types.js';

// Sites sometimes include the embed script twice (a CMS block per card, say):
// the first definition wins and later copies stay quiet instead of throwing.
if (!customElements.get('partner-card')) {
  customElements.define('partner-card', PartnerCard);
} else if (customElements.get('partner-card') !== PartnerCard) {
  console.info('<partner-card> is already defined on this page; this copy of the script is not used.');
}

import {PartnerCard} from './partner-card.js';
import {PartnerDirectory} from './partner-directory.js';

export {PartnerCard, PartnerDirectory};
export type {PartnerCardErrorDetail} from './partner-card.js';
export type {ErrorKind} from './load-error.js';
export type * from './profile-types.js';

// Sites sometimes include the embed script twice (a CMS block per card, say):
// the first definition wins and later copies stay quiet instead of throwing.
for (const [tag, element] of [
  ['partner-card', PartnerCard],
  ['partner-directory', PartnerDirectory],
] as const) {
  const defined = customElements.get(tag);
  if (!defined) customElements.define(tag, element);
  else if (defined !== element) console.info(`<${tag}> is already defined on this page; this copy of the script is not used.`);
}

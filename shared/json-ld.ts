import {pick} from './pick.js';
import type {Lang, Profile} from './profile-types.js';

/**
 * schema.org facts about a partner for crawlers that read JSON-LD but no
 * shadow DOM: name, short name, summary, website, logo, country. Written
 * after a prerendered full card, by `npm run prerender` and by the embed
 * builder alike. `<` is escaped so no text can close the `<script>`.
 */
export function organisationJsonLd(profile: Profile, lang: Lang, logo: string | undefined): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: pick(profile.name, lang).value,
    ...(profile.shortName && {alternateName: pick(profile.shortName, lang).value}),
    description: pick(profile.summary, lang).value,
    ...(profile.website && {url: profile.website}),
    ...(logo && {logo}),
    address: {'@type': 'PostalAddress', addressCountry: profile.country},
  };
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

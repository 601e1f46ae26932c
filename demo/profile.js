// The project site's profile page: which partner (and language) comes from
// the address, as the directory links it: profile.html?id=<id>[&lang=da].
const params = new URLSearchParams(location.search);
const card = /** @type {import('../src/partner-card.js').PartnerCard} */ (document.getElementById('profile'));
const lang = params.get('lang');
if (lang) {
  document.documentElement.lang = lang;
  card.backHref = 'partners-da.html';
}
// Back to the list as the reader left it: the directory keeps its search and
// country in its address (url-state), and that address is the referrer.
const list = document.referrer && new URL(document.referrer);
if (list && list.origin === location.origin && /\/partners(-da)?\.html$/.test(list.pathname)) {
  card.backHref = list.href;
}
card.addEventListener('partner-card-load', (event) => {
  const {name} = /** @type {CustomEvent<import('../shared/profile-types.js').Profile>} */ (event).detail;
  document.title = `${typeof name === 'string' ? name : ((lang === 'da' ? name.da : undefined) ?? name.en)} – ${document.title}`;
});
// Without a profile the card has no heading: the page still needs its h1 and a title that says what happened.
card.addEventListener('partner-card-error', () => {
  const da = (lang ?? '').startsWith('da');
  const heading = document.createElement('h1');
  heading.textContent = da ? 'Partnerprofilen kan ikke vises' : 'This partner profile cannot be shown';
  card.before(heading);
  document.title = `${heading.textContent} – ${document.title}`;
});
card.partner = params.get('id') ?? '';

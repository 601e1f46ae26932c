// The project site's profile page: which partner (and language) comes from
// the address, as the directory links it: profile.html?id=<id>[&lang=da].
const params = new URLSearchParams(location.search);
const card = document.getElementById('profile');
const lang = params.get('lang');
if (lang) {
  document.documentElement.lang = lang;
  card.backHref = 'partners-da.html';
}
card.addEventListener('partner-card-load', (event) => {
  const {name} = event.detail;
  document.title = `${typeof name === 'string' ? name : (name[lang ?? 'en'] ?? name.en)} – ${document.title}`;
});
card.partner = params.get('id') ?? '';

// The floor under the script-only card's "name painted" row: the least any
// script-only card can do on the same page. Without it, the row's goal (1.3× the
// plain static page) could not be told apart from what this machine allows: the
// module is a second response after the page's, and whatever it runs comes after.

/**
 * A module defining a `<partner-card>` with no framework, no checks and no
 * placeholder: it asks for its profile as the card does (the same URL, mode and
 * `accept` header, so the preloaded response is used) and draws the name and
 * summary. With `intl`, it also writes the country's name and one key figure
 * through `Intl`, as every card with key figures does.
 * @param {{intl: boolean}} options
 */
export const floorCardModule = ({intl}) => `
customElements.define('partner-card', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({mode: 'open'});
    const url = new URL(this.getAttribute('partner') + '.json', new URL(this.getAttribute('base'), document.baseURI));
    fetch(url, {headers: {accept: 'application/json'}}).then((response) => response.json()).then((profile) => {
      const text = (value) => (typeof value === 'string' ? value : value.en);
      const name = document.createElement('div');
      name.setAttribute('part', 'name');
      name.style.cssText = 'font-size: 1.375em; font-weight: 700';
      name.textContent = text(profile.name);
      const summary = document.createElement('p');
      summary.textContent = text(profile.summary);
      root.append(name, summary);
      ${
        intl
          ? `const meta = document.createElement('p');
      meta.textContent = new Intl.DisplayNames('en', {type: 'region'}).of(profile.country) + ' · ' +
        new Intl.NumberFormat('en', {notation: 'compact'}).format(profile.facts[0].value);
      root.append(meta);`
          : ''
      }
    });
  }
});
`;

import {LitElement, type PropertyDeclarations, type PropertyValues} from 'lit';
import {observeLang, resolveLang, unobserveLang, type LangListener} from './inherited-lang.js';
import type {Lang} from '../shared/profile-types.js';

/**
 * What `<partner-card>` and `<partner-directory>` share: a `lang` attribute
 * and the language actually shown, kept up to date when any `lang` around the
 * element changes while it is on the page.
 */
export class LangAwareElement extends LitElement implements LangListener {
  // Typed wide: each element adds its own map of properties to these.
  static override properties: PropertyDeclarations = {
    lang: {reflect: true},
    currentLang: {state: true},
  };

  /** Language of the element; unset to follow the page. Not initialised, so an empty `lang` is never reflected. */
  override lang!: string;
  /** The language shown, after normalising (`en` or `da`). */
  protected currentLang: Lang = 'en';

  override connectedCallback() {
    super.connectedCallback();
    observeLang(this, this);
    this.langMayHaveChanged();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    unobserveLang(this);
  }

  langMayHaveChanged() {
    this.currentLang = resolveLang(this, this.lang);
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('lang')) this.langMayHaveChanged();
  }
}

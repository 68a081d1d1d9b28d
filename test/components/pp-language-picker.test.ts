import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/pp-language-picker/pp-language-picker.js';
import type { PpLanguagePicker } from '../../components/pp-language-picker/pp-language-picker.js';
import type { LanguageChangeDetail } from '../../src/events.js';
import { nextEvent } from '../helpers/fixtures.js';

const options = (el: PpLanguagePicker) => [...el.shadowRoot!.querySelectorAll<HTMLLabelElement>('[part=option]')];

describe('<pp-language-picker>', () => {
  it('names every language in itself, marked with its own lang and direction, without flags', async () => {
    const el = await fixture<PpLanguagePicker>(html`<pp-language-picker></pp-language-picker>`);
    const names = options(el).map((o) => [o.lang, o.textContent!.trim(), o.dir]);
    expect(names).to.deep.equal([
      ['ar', 'العربية', 'rtl'],
      ['da', 'Dansk', 'ltr'],
      ['de', 'Deutsch', 'ltr'],
      ['en', 'English', 'ltr'],
      ['nb', 'Norsk bokmål', 'ltr'],
      ['pl', 'Polski', 'ltr'],
      ['sv', 'Svenska', 'ltr'],
      ['uk', 'Українська', 'ltr'],
    ]);
    expect(el.shadowRoot!.querySelector('img, svg')).to.equal(null);
  });

  it('offers the languages it is given, in that order', async () => {
    const el = await fixture<PpLanguagePicker>(html`<pp-language-picker languages="sv ar"></pp-language-picker>`);
    expect(options(el).map((o) => o.lang)).to.deep.equal(['sv', 'ar']);
  });

  it('is chosen by keyboard and tells the host', async () => {
    const el = await fixture<PpLanguagePicker>(html`<pp-language-picker languages="da de uk" value="da"></pp-language-picker>`);
    const changed = nextEvent<LanguageChangeDetail>(el, 'pp-language-change');
    el.shadowRoot!.querySelector<HTMLInputElement>('input:checked')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    const { detail, bubbles, composed } = await changed;
    expect({ detail, bubbles, composed }).to.deep.equal({ detail: { language: 'de' }, bubbles: true, composed: true });
    expect(el.value).to.equal('de');
    await el.updateComplete;
    expect(el.getAttribute('value')).to.equal('de');
  });

  it('confirms the language already chosen when it is chosen again, once per tap', async () => {
    const el = await fixture<PpLanguagePicker>(html`<pp-language-picker languages="en da" value="en"></pp-language-picker>`);
    const chosen: string[] = [];
    el.addEventListener('pp-language-change', (e) => chosen.push((e as CustomEvent<LanguageChangeDetail>).detail.language));
    el.shadowRoot!.querySelector<HTMLInputElement>('[lang="en"] input')!.click();
    el.shadowRoot!.querySelector<HTMLInputElement>('[lang="da"] input')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(chosen).to.deep.equal(['en', 'da']);
  });

  it('asks in the chosen language, and is accessible, right to left too', async () => {
    const el = await fixture<PpLanguagePicker>(html`<pp-language-picker value="ar"></pp-language-picker>`);
    const group = el.shadowRoot!.querySelector('fieldset')!;
    expect(group.querySelector('legend')!.textContent).to.equal('اختر لغتك');
    expect(group.dir).to.equal('rtl');
    await expect(el).to.be.accessible();
    el.value = 'uk';
    await el.updateComplete;
    expect(group.querySelector('legend')!.textContent).to.equal('Виберіть свою мову');
    await expect(el).to.be.accessible();
  });
});

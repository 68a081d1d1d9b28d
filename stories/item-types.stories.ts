import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/pp-questionnaire/pp-questionnaire.js';
import everyItemType from '../test/fixtures/every-item-type.json';

interface Args {
  layout: 'paged' | 'list';
  lang: string;
}

/** Every question type the questionnaire renders, in one test instrument. */
const meta: Meta<Args> = {
  title: 'Questionnaire/Item types',
  component: 'pp-questionnaire',
  args: { layout: 'list', lang: 'en' },
  argTypes: { layout: { control: 'inline-radio', options: ['paged', 'list'] } },
  render: ({ layout, lang }) =>
    html`<pp-questionnaire .instrument=${everyItemType} layout=${layout} lang=${lang} draft-key=${`storybook-${crypto.randomUUID()}`}></pp-questionnaire>`,
};
export default meta;

export const List: StoryObj<Args> = {};
export const Paged: StoryObj<Args> = { args: { layout: 'paged' } };

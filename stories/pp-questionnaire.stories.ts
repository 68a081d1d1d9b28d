import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/pp-questionnaire/pp-questionnaire.js';

interface Args {
  src: string;
  layout: 'paged' | 'list';
  lang: string;
}

const meta: Meta<Args> = {
  title: 'Questionnaire/PHQ-9',
  component: 'pp-questionnaire',
  args: { src: 'content/instruments/phq-9.json', lang: 'en' },
  argTypes: {
    layout: { control: 'inline-radio', options: ['paged', 'list'] },
  },
  // A fresh draft key per render, so a story never opens on an earlier preview's answers.
  render: ({ src, layout, lang }) =>
    html`<pp-questionnaire src=${src} layout=${layout} lang=${lang} draft-key=${`storybook-${crypto.randomUUID()}`}></pp-questionnaire>`,
};
export default meta;

type Story = StoryObj<Args>;

/** One question at a time: the layout for phones and kiosk tablets. */
export const Paged: Story = { args: { layout: 'paged' } };

/** Every question on one page, as on the paper form. */
export const List: Story = { args: { layout: 'list' } };

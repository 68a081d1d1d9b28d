import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/pp-language-picker/pp-language-picker.js';

interface Args {
  value: string;
  languages: string;
}

/** The language picker a kiosk or portal shows first: each language named in itself. */
const meta: Meta<Args> = {
  title: 'Language picker',
  component: 'pp-language-picker',
  args: { value: 'en', languages: 'ar da de en nb pl sv uk' },
  render: ({ value, languages }) => html`<pp-language-picker value=${value} languages=${languages}></pp-language-picker>`,
};
export default meta;

export const English: StoryObj<Args> = {};
export const Arabic: StoryObj<Args> = { args: { value: 'ar' } };
export const German: StoryObj<Args> = { args: { value: 'de' } };

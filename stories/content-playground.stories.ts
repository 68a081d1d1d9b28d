import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { definePlayground } from './playground/pp-content-playground.js';

definePlayground();

/** Every content file as text, loaded only when a story opens it. */
const files = import.meta.glob<string>(['../content/instruments/*.json', '../content/education/*.json', '../content/pathways/*.json'], {
  query: '?raw',
  import: 'default',
});
const fileNames = Object.keys(files).map((path) => path.replace('../content/', ''));

/** PHQ-9 with typical mistakes: a missing source-language text, an unknown item type, a bad band. */
const withMistakes = (text: string) => {
  const json = JSON.parse(text) as Record<string, any>;
  delete json['title'].en;
  json['items'][0]['items'][1]['type'] = 'radio';
  json['scoring']['scales'][0]['bands'][1]['min'] = 'five';
  return JSON.stringify(json, null, 2);
};

interface Args {
  file: string;
  mistakes: boolean;
}

/**
 * Edit any instrument, education module or pathway as JSON and see, as you type, its problems with
 * line numbers, its licence and translation badges, and two languages side by side.
 */
const meta: Meta<Args> = {
  title: 'Content playground',
  parameters: { layout: 'fullscreen' },
  args: { file: 'instruments/phq-9.json', mistakes: false },
  argTypes: {
    file: { control: 'select', options: fileNames, description: 'The content file to start from' },
    mistakes: { control: 'boolean', description: 'Start with typical mistakes (PHQ-9 only)' },
  },
  loaders: [async ({ args }) => ({ text: await files[`../content/${(args as Args).file}`]!() })],
  render: ({ file, mistakes }, { loaded }) => {
    const text = loaded['text'] as string;
    return html`<main style="padding: 1rem">
      <h1 style="font: 600 1.4rem system-ui, sans-serif; margin: 0 0 0.75rem">Content playground</h1>
      <pp-content-playground name=${file} .text=${mistakes ? withMistakes(text) : text}></pp-content-playground>
    </main>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Questionnaire: Story = {};
export const EducationModule: Story = { args: { file: 'education/hurt-and-harm.json' } };
export const Pathway: Story = { args: { file: 'pathways/municipal-interdisciplinary.json' } };
/** What an editor sees when the file has mistakes: each with its JSON path and line. */
export const WithMistakes: Story = { args: { mistakes: true } };

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { definePlayground } from './playground/pp-content-playground.js';

definePlayground();

/**
 * Every content file, and real FHIR Questionnaires (LOINC's PHQ-9 panel and the test corpus of
 * forms from other projects), as text, loaded only when a story opens one.
 */
const globbed = import.meta.glob<string>(
  [
    '../content/instruments/*.json',
    '../content/education/*.json',
    '../content/pathways/*.json',
    '../content/fhir/*.json',
    '../test/fixtures/loinc-phq-9.questionnaire.json',
    '../test/fixtures/fhir-corpus/*.json',
    '!../test/fixtures/fhir-corpus/sources.json',
  ],
  { query: '?raw', import: 'default' },
);
/** By the name the file control shows: `instruments/phq-9.json`, `test/fixtures/loinc-phq-9.questionnaire.json`. */
const files = Object.fromEntries(Object.entries(globbed).map(([path, load]) => [path.replace(/^\.\.\/(content\/)?/, ''), load]));
const fileNames = Object.keys(files);

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
 * Edit any instrument, education module, pathway or FHIR R4 Questionnaire as JSON, in an editor with
 * line numbers, folding and search, and see as you type its problems with their lines (in a list and
 * in the editor's gutter), its licence and translation badges, and two of its languages side by side.
 * For a FHIR Questionnaire, the list says what Painpath refuses (the form is not shown), reports
 * (shown without it) and supports, by the importer's tables. Bring a Questionnaire by pasting it,
 * opening a file, or fetching it from a FHIR server's address; the text stays in the browser tab.
 */
const meta: Meta<Args> = {
  title: 'Content playground',
  parameters: { layout: 'fullscreen' },
  args: { file: 'instruments/phq-9.json', mistakes: false },
  argTypes: {
    file: { control: 'select', options: fileNames, description: 'The content file to start from' },
    mistakes: { control: 'boolean', description: 'Start with typical mistakes (PHQ-9 only)' },
  },
  loaders: [async ({ args }) => ({ text: await files[(args as Args).file]!() })],
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
/** A real FHIR Questionnaire, LOINC's PHQ-9 panel: what it uses that Painpath supports, and the form. */
export const FhirQuestionnaire: Story = { args: { file: 'test/fixtures/loinc-phq-9.questionnaire.json' } };
/**
 * A form from another project (helsenorge/refero) that Painpath refuses: a required question's
 * answers come from a value set that only a terminology server could expand. The preview shows what
 * a person would see, and the element's pp-error.
 */
export const FhirRefused: Story = { args: { file: 'test/fixtures/fhir-corpus/refero--receiver-component-q.json' } };
/** A form (helsenorge/refero) shown without what Painpath does not honour: unknown extensions and item controls, a partial date. */
export const FhirReported: Story = { args: { file: 'test/fixtures/fhir-corpus/refero--qdatemonth.json' } };

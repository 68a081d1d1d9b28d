/**
 * Every file in content/instruments/ becomes a Storybook entry with one story per language,
 * without anyone writing a story: an indexer lists the stories, and a Vite plugin turns the
 * JSON file into a CSF module when Storybook imports it.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const INSTRUMENT_FILE = /[\\/]content[\\/]instruments[\\/][^\\/]+\.json$/;
/** The module through which Storybook's Vite builder imports every story file. */
const STORY_IMPORTER = /@storybook\/builder-vite\/storybook-stories/;
const STORY_SUFFIX = '.story.js';

interface InstrumentSummary {
  readonly title: string;
  readonly languages: readonly string[];
  readonly statuses: Readonly<Record<string, string>>;
}

/** What the stories need from a file, read leniently: an invalid file still gets a story that shows its problems. */
function summarize(fileName: string): InstrumentSummary {
  try {
    const json = JSON.parse(readFileSync(fileName, 'utf8')) as Record<string, unknown>;
    const languages = Array.isArray(json['languages']) ? json['languages'].filter((l): l is string => typeof l === 'string') : [];
    const title = (json['title'] as Record<string, string> | undefined)?.[languages[0] ?? 'en'];
    const translations = (json['translations'] ?? {}) as Record<string, { status?: string }>;
    return {
      title: title ?? String(json['id'] ?? fileName),
      languages: languages.length ? languages : ['en'],
      statuses: Object.fromEntries(languages.map((lang) => [lang, translations[lang]?.status ?? 'unknown'])),
    };
  } catch {
    return { title: fileName.split(/[\\/]/).at(-1)!, languages: ['en'], statuses: { en: 'unreadable' } };
  }
}

const exportNameOf = (lang: string) => `lang_${lang.replace(/[^A-Za-z0-9]/g, '_')}`;

const languageName = (lang: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;

export const instrumentIndexer = {
  test: INSTRUMENT_FILE,
  createIndex: async (fileName: string) => {
    const summary = summarize(fileName);
    return summary.languages.map((lang) => ({
      type: 'story' as const,
      importPath: fileName,
      exportName: exportNameOf(lang),
      name: `${languageName(lang)} (${summary.statuses[lang]})`,
      title: `Instruments/${summary.title}`,
      tags: ['instrument', `translation-${summary.statuses[lang]}`],
    }));
  },
};

/** The CSF module of one instrument file: its stories render the element with the file's JSON. */
function storyModule(fileName: string, elementPath: string): string {
  const summary = summarize(fileName);
  const source = readFileSync(fileName, 'utf8');
  const stories = summary.languages
    .map((lang) => `export const ${exportNameOf(lang)} = { args: { lang: ${JSON.stringify(lang)} } };`)
    .join('\n');
  return `
import { html } from 'lit';
import ${JSON.stringify(elementPath)};
import { instrumentStoryHeader } from ${JSON.stringify(new URL('./instrument-story-header.ts', import.meta.url).pathname)};
let instrument;
try { instrument = JSON.parse(${JSON.stringify(source)}); } catch (error) { instrument = { error: String(error) }; }
export default {
  component: 'pp-questionnaire',
  args: { layout: 'list' },
  argTypes: { layout: { control: 'inline-radio', options: ['paged', 'list'] } },
  render: ({ lang, layout }) => html\`\${instrumentStoryHeader(instrument, lang)}
    <pp-questionnaire .instrument=\${instrument} lang=\${lang} layout=\${layout} draft-key=\${'storybook-' + crypto.randomUUID()}></pp-questionnaire>\`,
};
${stories}
`;
}

export function instrumentStoriesPlugin(elementPath: string): Plugin {
  return {
    name: 'painpath-instrument-stories',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source.endsWith(STORY_SUFFIX)) return source;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // Only Storybook's own story imports become CSF; anything else importing the data keeps JSON.
      if (resolved && INSTRUMENT_FILE.test(resolved.id) && importer && STORY_IMPORTER.test(importer)) {
        return resolved.id + STORY_SUFFIX;
      }
      return null;
    },
    load(id) {
      if (!id.endsWith(STORY_SUFFIX)) return null;
      const fileName = id.slice(0, -STORY_SUFFIX.length);
      this.addWatchFile(fileName);
      return storyModule(fileName, elementPath);
    },
  };
}

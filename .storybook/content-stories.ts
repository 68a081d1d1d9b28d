/**
 * Every content file (instruments, education modules, pathways, FHIR Questionnaires) becomes a Storybook entry with
 * one story per language, without anyone writing a story: an indexer lists the stories, and a
 * Vite plugin turns the JSON file into a CSF module when Storybook imports it.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { PREVIEWED_TRANSLATIONS } from './content-story-header.js';
import { isFhirQuestionnaire, statusLabel, summarizeFhirQuestionnaire } from './fhir-summary.js';

/** Each content folder, the element that shows its files, and the property that takes the JSON. */
export const CONTENT_KINDS = {
  instruments: { title: 'Instruments', tag: 'pp-questionnaire', property: 'instrument', element: 'components/pp-questionnaire/pp-questionnaire.ts' },
  education: { title: 'Education', tag: 'pp-education', property: 'module', element: 'components/pp-education/pp-education.ts' },
  pathways: { title: 'Pathways', tag: 'pp-pathway', property: 'pathway', element: 'components/pp-pathway/pp-pathway.ts' },
  fhir: { title: 'FHIR Questionnaires', tag: 'pp-questionnaire', property: 'instrument', element: 'components/pp-questionnaire/pp-questionnaire.ts' },
} as const;
type ContentKind = keyof typeof CONTENT_KINDS;

const CONTENT_FILE = /[\\/]content[\\/](instruments|education|pathways|fhir)[\\/][^\\/]+\.json$/;
const kindOf = (fileName: string) => CONTENT_FILE.exec(fileName)![1] as ContentKind;
/** The module through which Storybook's Vite builder imports every story file. */
const STORY_IMPORTER = /@storybook\/builder-vite\/storybook-stories/;
// Not ".story.js": Storybook's docs plugin would try to read that name from disk.
const STORY_SUFFIX = '.painpath-csf.js';

interface ContentSummary {
  readonly title: string;
  readonly languages: readonly string[];
  /** Each language's translation status as a story's name and tag show it. */
  readonly statuses: Readonly<Record<string, string>>;
}

/** What the stories need from a file, read leniently: an invalid file still gets a story that shows its problems. */
function summarize(fileName: string): ContentSummary {
  try {
    const json = JSON.parse(readFileSync(fileName, 'utf8')) as Record<string, unknown>;
    if (isFhirQuestionnaire(json)) {
      const { title, languages, statuses } = summarizeFhirQuestionnaire(json);
      return { title, languages, statuses: Object.fromEntries(languages.map((lang) => [lang, statusLabel(statuses[lang]!)])) };
    }
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

export const contentIndexer = {
  test: CONTENT_FILE,
  createIndex: async (fileName: string) => {
    const summary = summarize(fileName);
    return summary.languages.map((lang) => ({
      type: 'story' as const,
      importPath: fileName,
      exportName: exportNameOf(lang),
      name: `${languageName(lang)} (${summary.statuses[lang]})`,
      title: `${CONTENT_KINDS[kindOf(fileName)].title}/${summary.title}`,
      tags: [kindOf(fileName), `translation-${summary.statuses[lang]!.replace(/[^A-Za-z0-9]+/g, '-')}`],
    }));
  },
};

const PREVIEW_DRAFTS = `element.setAttribute('accept-translations', ${JSON.stringify(PREVIEWED_TRANSLATIONS)});`;

/** The CSF module of one content file: its stories render the file's element with the file's JSON. */
function storyModule(fileName: string, root: string): string {
  const kind = CONTENT_KINDS[kindOf(fileName)];
  const summary = summarize(fileName);
  const source = readFileSync(fileName, 'utf8');
  const stories = summary.languages
    .map((lang) => `export const ${exportNameOf(lang)} = { args: { lang: ${JSON.stringify(lang)} } };`)
    .join('\n');
  return `
import { html, render } from 'lit';
import ${JSON.stringify(`${root}/${kind.element}`)};
import { contentStoryHeader } from ${JSON.stringify(new URL('./content-story-header.ts', import.meta.url).pathname)};
let content;
try { content = JSON.parse(${JSON.stringify(source)}); } catch (error) { content = { error: String(error) }; }
export default {
  component: ${JSON.stringify(kind.tag)},
  render: ({ lang }) => {
    const story = document.createElement('div');
    render(contentStoryHeader(content, lang), story);
    const element = document.createElement(${JSON.stringify(kind.tag)});
    element[${JSON.stringify(kind.property)}] = content;
    element.lang = lang;
    ${kind.tag === 'pp-questionnaire' ? PREVIEW_DRAFTS : ''}
    // A fresh key per render, so a story never opens on an earlier preview's saved state.
    const key = 'storybook-' + crypto.randomUUID();
    element.setAttribute('draft-key', key);
    element.setAttribute('progress-key', key);
    story.append(element);
    return story;
  },
};
${stories}
`;
}

export function contentStoriesPlugin(root: string): Plugin {
  return {
    name: 'painpath-content-stories',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source.endsWith(STORY_SUFFIX)) return source;
      // A virtual module ("\0" prefix): plugins that read story files from disk leave it alone.
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // Only Storybook's own story imports become CSF; anything else importing the data keeps JSON.
      if (resolved && CONTENT_FILE.test(resolved.id) && importer && STORY_IMPORTER.test(importer)) {
        return `\0${resolved.id}${STORY_SUFFIX}`;
      }
      return null;
    },
    load(id) {
      if (!id.endsWith(STORY_SUFFIX)) return null;
      const fileName = id.replace(/^\0/, '').slice(0, -STORY_SUFFIX.length);
      this.addWatchFile(fileName);
      return storyModule(fileName, root);
    },
  };
}

import type { Translation } from './instrument.js';
import { childPath, defined, parseContent, type JsonObject, type JsonReader } from './json-reader.js';
import type { LanguageCode, TextMap } from './text.js';

/**
 * The drawings a module can show, by name. The drawings themselves live with the element
 * (components/pp-education/illustrations.ts); the names live here so that a module naming a
 * drawing we do not have fails validation instead of showing a hole.
 */
export const ILLUSTRATION_NAMES = [
  'smoke-alarm',
  'small-cut-big-ouch',
  'danger-safety-scale',
  'open-book',
  'healing-timeline',
  'spine-scan',
  'walking',
  'volume-knob',
  'leaf-alarm',
  'new-path',
  'boom-bust',
  'timer',
  'staircase',
  'moon-bed',
  'cycle-arrows',
  'stress-bucket',
  'calm-breath',
  'conversation',
  'storm-passes',
  'plan-clipboard',
  'goal-flag',
  'question-mark',
  'lightbulb',
] as const;
export type IllustrationName = (typeof ILLUSTRATION_NAMES)[number];

export interface HeadingBlock {
  readonly type: 'heading';
  readonly text: TextMap;
}

/** Text in a small Markdown subset: bold, italic, links (http, https, mailto) and bullet lists. */
export interface ParagraphBlock {
  readonly type: 'paragraph';
  readonly text: TextMap;
}

/** One of the module's key messages; `meta.references` gives its source. */
export interface KeyMessageBlock {
  readonly type: 'key-message';
  readonly id: string;
  readonly text: TextMap;
}

export interface IllustrationBlock {
  readonly type: 'illustration';
  readonly name: IllustrationName;
  /** What the drawing shows, for people who cannot see it. */
  readonly alt: TextMap;
}

/** A boxed tip or warning; `text` is Markdown like a paragraph. */
export interface CalloutBlock {
  readonly type: 'callout';
  readonly title?: TextMap;
  readonly text: TextMap;
  /** The text says to contact the doctor "today": after it, say whom to call when the practice is closed (src/model/emergency.ts). */
  readonly outOfHours?: boolean;
}

/**
 * The emergency warning signs and what to do about them, in the shared wording
 * (src/model/emergency.ts): a module never words them itself.
 */
export interface EmergencyBlock {
  readonly type: 'emergency';
}

export interface KnowledgeCheckOption {
  readonly id: string;
  readonly text: TextMap;
  readonly correct: boolean;
  /** Shown as soon as the option is chosen: why it is (or is not quite) right, kindly. */
  readonly feedback: TextMap;
}

export interface KnowledgeCheckBlock {
  readonly type: 'knowledge-check';
  readonly id: string;
  readonly question: TextMap;
  /** Exactly one option is correct. */
  readonly options: readonly KnowledgeCheckOption[];
}

export type EducationBlock = HeadingBlock | ParagraphBlock | KeyMessageBlock | IllustrationBlock | CalloutBlock | EmergencyBlock | KnowledgeCheckBlock;

/** `summary`: after its own blocks, the page lists every key message of the module ("all at a glance"). */
export type PageKind = 'content' | 'summary';

export interface EducationPage {
  readonly id: string;
  readonly kind: PageKind;
  /** The first block is a heading, which names the page. */
  readonly blocks: readonly EducationBlock[];
}

/** Where a key message comes from. */
export interface KeyMessageReference {
  /** The id of a key-message block. */
  readonly message: string;
  readonly citation: string;
}

export interface EducationMeta {
  /** Who the module is written for. */
  readonly audience: TextMap;
  readonly references: readonly KeyMessageReference[];
}

export interface EducationModule {
  readonly id: string;
  readonly version: string;
  /** The first language is the source language: every text must exist in it. */
  readonly languages: readonly LanguageCode[];
  readonly title: TextMap;
  readonly translations: Readonly<Record<LanguageCode, Translation>>;
  readonly meta: EducationMeta;
  readonly pages: readonly EducationPage[];
}

/** A knowledge-check question's chosen option, and whether it is the correct one. */
export interface KnowledgeCheckAnswer {
  readonly option: string;
  readonly correct: boolean;
}

export const sourceLanguageOfModule = (module: EducationModule): LanguageCode => module.languages[0]!;

const blocksOf = (module: EducationModule) => module.pages.flatMap((page) => page.blocks);

/** The key messages in page order: what a summary page lists. */
export const keyMessagesOf = (module: EducationModule): KeyMessageBlock[] =>
  blocksOf(module).filter((block): block is KeyMessageBlock => block.type === 'key-message');

export const knowledgeChecksOf = (module: EducationModule): KnowledgeCheckBlock[] =>
  blocksOf(module).filter((block): block is KnowledgeCheckBlock => block.type === 'knowledge-check');

/** The answer a chosen option gives, or undefined when the question or option is not in the module. */
export function answerTo(module: EducationModule, questionId: string, optionId: string): KnowledgeCheckAnswer | undefined {
  const option = knowledgeChecksOf(module)
    .find((check) => check.id === questionId)
    ?.options.find((o) => o.id === optionId);
  return option && { option: option.id, correct: option.correct };
}

/** Every citation of the module once, in the order of first use. */
export const citationsOf = (module: EducationModule): string[] => [...new Set(module.meta.references.map((r) => r.citation))];

const BLOCK_TYPES = ['heading', 'paragraph', 'key-message', 'illustration', 'callout', 'emergency', 'knowledge-check'] as const;
const PAGE_KINDS: readonly PageKind[] = ['content', 'summary'];

/**
 * Validates an education module file and returns it typed.
 * Throws a `ContentError` listing every problem with its JSON path.
 */
export function parseEducationModule(json: unknown): EducationModule {
  return parseContent(json, 'Education module', (reader, root) => new EducationParser(reader, root).parse());
}

class EducationParser {
  readonly #languages: readonly string[];
  readonly #source: string | undefined;
  /** Page and block ids share one namespace, so a reference can never be ambiguous. */
  readonly #ids = new Set<string>();
  /** Key messages by id, with their paths, to match them with `meta.references`. */
  readonly #keyMessages = new Map<string, string>();

  readonly #reader: JsonReader;
  readonly #root: JsonObject;

  constructor(
    reader: JsonReader,
    root: JsonObject,
  ) {
    this.#reader = reader;
    this.#root = root;
    ({ languages: this.#languages, source: this.#source } = reader.languages(root['languages']));
  }

  parse(): EducationModule | undefined {
    const reader = this.#reader;
    const root = this.#root;
    const id = this.#reader.id(root['id'], 'id');
    const version = reader.string(root['version'], 'version');
    const title = this.#text(root['title'], 'title');
    const translations = reader.translations(root['translations'], 'translations', this.#languages);
    // Pages before meta, so that references can be matched with the key messages they name.
    const pages = this.#pages(root['pages'], 'pages');
    const meta = this.#meta(root['meta'], 'meta');
    if (!id || !version || !title || !translations || !meta || !pages || !this.#source) return undefined;
    return { id, version, languages: this.#languages, title, translations, meta, pages };
  }

  #text(value: unknown, path: string): TextMap | undefined {
    return this.#reader.textMap(value, path, this.#source);
  }



  /** An id of a page or block, which must be unique in the module. */
  #uniqueId(value: unknown, path: string): string | undefined {
    const id = this.#reader.id(value, path);
    if (id === undefined) return undefined;
    if (this.#ids.has(id)) this.#reader.report(path, `duplicate id "${id}"`);
    this.#ids.add(id);
    return id;
  }



  #meta(value: unknown, path: string): EducationMeta | undefined {
    const reader = this.#reader;
    const meta = reader.object(value, path);
    if (!meta) return undefined;
    const audience = this.#text(meta['audience'], childPath(path, 'audience'));
    const referencesPath = childPath(path, 'references');
    const references = this.#reader.list(meta['references'], referencesPath, (v, p) => this.#reference(v, p));
    if (references) {
      const referenced = new Set(references.map((r) => r.message));
      for (const [id, messagePath] of this.#keyMessages) {
        if (!referenced.has(id)) reader.report(messagePath, `key message "${id}" has no source in ${referencesPath}`);
      }
    }
    return audience && references ? { audience, references } : undefined;
  }

  #reference(value: unknown, path: string): KeyMessageReference | undefined {
    const reader = this.#reader;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const message = reader.string(object['message'], childPath(path, 'message'));
    const citation = reader.string(object['citation'], childPath(path, 'citation'));
    if (message !== undefined && !this.#keyMessages.has(message)) {
      reader.report(childPath(path, 'message'), `"${message}" is not the id of a key message in this module`);
      return undefined;
    }
    return message && citation ? { message, citation } : undefined;
  }

  #pages(value: unknown, path: string): EducationPage[] | undefined {
    const pages = this.#reader.list(value, path, (v, p) => this.#page(v, p));
    if (pages?.length === 0) this.#reader.report(path, 'a module needs at least one page');
    if (!pages) return undefined;
    const summaries = pages.flatMap((page, i) => (page.kind === 'summary' ? [i] : []));
    summaries.slice(1).forEach((i) => this.#reader.report(childPath(childPath(path, i), 'kind'), 'a module has at most one summary page'));
    if (summaries.length > 0 && this.#keyMessages.size === 0) {
      this.#reader.report(childPath(childPath(path, summaries[0]!), 'kind'), 'a summary page needs key messages to list');
    }
    return pages;
  }

  #page(value: unknown, path: string): EducationPage | undefined {
    const reader = this.#reader;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const id = this.#uniqueId(object['id'], childPath(path, 'id'));
    const kind = object['kind'] === undefined ? 'content' : reader.oneOf(object['kind'], childPath(path, 'kind'), PAGE_KINDS);
    const blocksPath = childPath(path, 'blocks');
    const blocks = this.#reader.list(object['blocks'], blocksPath, (v, p) => this.#block(v, p));
    if (blocks) {
      if (blocks[0]?.type !== 'heading') reader.report(blocksPath, 'a page starts with a heading, which names it');
      blocks
        .flatMap((block, i) => (block.type === 'key-message' ? [i] : []))
        .slice(1)
        .forEach((i) => reader.report(childPath(blocksPath, i), 'a page carries one key message; move this one to a page of its own'));
    }
    return id && kind && blocks ? { id, kind, blocks } : undefined;
  }

  #block(value: unknown, path: string): EducationBlock | undefined {
    const reader = this.#reader;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const type = reader.oneOf(object['type'], childPath(path, 'type'), BLOCK_TYPES);
    const at = (key: string) => childPath(path, key);
    switch (type) {
      case undefined:
        return undefined;
      case 'heading':
      case 'paragraph': {
        const text = this.#text(object['text'], at('text'));
        return text && { type, text };
      }
      case 'key-message': {
        const id = this.#uniqueId(object['id'], at('id'));
        const text = this.#text(object['text'], at('text'));
        if (id) this.#keyMessages.set(id, path);
        return id && text ? { type, id, text } : undefined;
      }
      case 'illustration': {
        const name = reader.oneOf(object['name'], at('name'), ILLUSTRATION_NAMES);
        const alt = this.#text(object['alt'], at('alt'));
        return name && alt ? { type, name, alt } : undefined;
      }
      case 'callout': {
        const title = reader.optional(object['title'], (v) => this.#text(v, at('title')));
        const text = this.#text(object['text'], at('text'));
        const outOfHours = reader.optional(object['outOfHours'], (v) => reader.boolean(v, at('outOfHours')));
        return text && defined({ type, title, text, outOfHours });
      }
      case 'emergency':
        return { type };
      case 'knowledge-check':
        return this.#knowledgeCheck(object, path);
    }
  }

  #knowledgeCheck(object: JsonObject, path: string): KnowledgeCheckBlock | undefined {
    const reader = this.#reader;
    const id = this.#uniqueId(object['id'], childPath(path, 'id'));
    const question = this.#text(object['question'], childPath(path, 'question'));
    const optionsPath = childPath(path, 'options');
    const options = this.#reader.list(object['options'], optionsPath, (v, p) => this.#option(v, p));
    if (options) {
      if (options.length < 2) reader.report(optionsPath, 'a question needs at least two options');
      const correct = options.filter((o) => o.correct).length;
      if (correct !== 1) reader.report(optionsPath, `exactly one option must be correct, found ${correct}`);
      const seen = new Set<string>();
      options.forEach((option, i) => {
        if (seen.has(option.id)) reader.report(childPath(childPath(optionsPath, i), 'id'), `duplicate option id "${option.id}"`);
        seen.add(option.id);
      });
    }
    return id && question && options ? { type: 'knowledge-check', id, question, options } : undefined;
  }

  #option(value: unknown, path: string): KnowledgeCheckOption | undefined {
    const reader = this.#reader;
    const object = reader.object(value, path);
    if (!object) return undefined;
    // Option ids only need to be unique within their question: answers are stored per question.
    const id = this.#reader.id(object['id'], childPath(path, 'id'));
    const text = this.#text(object['text'], childPath(path, 'text'));
    const correct = object['correct'] === undefined ? false : reader.boolean(object['correct'], childPath(path, 'correct'));
    const feedback = this.#text(object['feedback'], childPath(path, 'feedback'));
    return id && text && correct !== undefined && feedback ? { id, text, correct, feedback } : undefined;
  }
}

import { ContentError } from './content-error.js';
import { childPath, JsonReader } from './json-reader.js';
import type { LanguageCode, TextMap } from './text.js';

export interface KioskScreen {
  readonly title: TextMap;
  readonly text: TextMap;
}

export type KioskStep = { readonly questionnaire: string } | { readonly module: string };

/**
 * What a waiting-room tablet runs: a start screen, a language choice, the host's consent text,
 * questionnaires and education modules in order, and a thank-you screen.
 */
export interface KioskSequence {
  readonly id: string;
  /** Offered in the language picker; the first is shown before anyone chooses. */
  readonly languages: readonly LanguageCode[];
  readonly start: KioskScreen;
  /** What the answers are used for and who sees them; the person accepts before starting. */
  readonly consent: KioskScreen;
  readonly steps: readonly KioskStep[];
  readonly thanks: KioskScreen;
}

/** Validates a kiosk sequence; throws a `ContentError` listing every problem with its JSON path. */
export function parseKioskSequence(json: unknown): KioskSequence {
  const reader = new JsonReader();
  const root = reader.object(json, '') ?? {};
  const id = reader.string(root['id'], 'id');
  const { languages, source } = reader.languages(root['languages']);
  const screen = (key: string): KioskScreen | undefined => {
    const object = reader.object(root[key], key);
    const title = object && reader.textMap(object['title'], childPath(key, 'title'), source);
    const text = object && reader.textMap(object['text'], childPath(key, 'text'), source);
    return title && text ? { title, text } : undefined;
  };
  const [start, consent, thanks] = [screen('start'), screen('consent'), screen('thanks')];
  const stepList = reader.array(root['steps'], 'steps') ?? [];
  if (Array.isArray(root['steps']) && stepList.length === 0) reader.report('steps', 'expected at least one questionnaire or module');
  const steps = stepList.flatMap((value, i): KioskStep[] => {
    const path = childPath('steps', i);
    const step = reader.object(value, path);
    if (!step) return [];
    const kinds = (['questionnaire', 'module'] as const).filter((kind) => kind in step);
    if (kinds.length !== 1) {
      reader.report(path, 'expected exactly one of "questionnaire" or "module", with the URL of its file');
      return [];
    }
    const kind = kinds[0]!;
    const url = reader.string(step[kind], childPath(path, kind));
    return url === undefined ? [] : [kind === 'questionnaire' ? { questionnaire: url } : { module: url }];
  });
  if (reader.problems.length || !id || !start || !consent || !thanks) throw new ContentError(`Kiosk sequence${id ? ` "${id}"` : ''}`, reader.problems);
  return { id, languages, start, consent, steps, thanks };
}

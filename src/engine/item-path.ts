import type { Answers, AnswerValue, ItemId } from '../model/instrument.js';
import { own } from '../model/own.js';

/**
 * Where an item is answered: its id, after the repeating groups it is in, each with the index of
 * its repeat (`meds 1 dose`: the dose in the second repeat of `meds`), separated by a no-break
 * space, which ids cannot contain. For every item outside repeating groups it is the item's id.
 */
export type ItemPath = string;

/** Separates the parts of an item path: not whitespace to HTML, so a path can be part of a DOM id. */
export const PATH_SEPARATOR = '\u00a0';

/** The path of an item in the scope at `scope` (`''`: the top level). */
export const pathIn = (scope: ItemPath, id: ItemId): ItemPath => (scope ? `${scope}${PATH_SEPARATOR}${id}` : id);

/** The answer at a path of an answers tree; undefined when it is unanswered. */
export function answerAt(answers: Answers, path: ItemPath): AnswerValue | undefined {
  const parts = path.split(PATH_SEPARATOR);
  let scope: Answers | undefined = answers;
  for (let i = 0; scope && i < parts.length - 1; i += 2) scope = (own(scope, parts[i]!) as readonly Answers[] | undefined)?.[Number(parts[i + 1])];
  return scope && (own(scope, parts.at(-1)!) as AnswerValue | undefined);
}

/** The id of the item at a path. */
export const itemIdOf = (path: ItemPath): ItemId => path.slice(path.lastIndexOf(PATH_SEPARATOR) + 1);

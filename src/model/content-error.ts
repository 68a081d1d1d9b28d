/** One thing wrong with a content file, located by its JSON path (`items[3].answers[2].value`). */
export interface ContentProblem {
  readonly path: string;
  readonly message: string;
}

/** Thrown when content fails validation; lists every problem found, not just the first. */
export class ContentError extends Error {
  override readonly name = 'ContentError';

  constructor(
    readonly subject: string,
    readonly problems: readonly ContentProblem[],
  ) {
    super(
      `${subject} is not valid (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n` +
        problems.map((p) => `- ${p.path || '(root)'}: ${p.message}`).join('\n'),
    );
  }
}

/**
 * Where things are in the JSON text an editor is typing: the line of every value by its JSON path
 * (the same paths `ContentError` reports: `items[3].answers[2].value`), and the line and column of
 * a syntax error. `JSON.parse` gives neither reliably across browsers, hence this small reader.
 */

export interface JsonSyntaxProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export type JsonReading =
  | { readonly ok: true; readonly value: unknown; readonly lines: ReadonlyMap<string, number> }
  | { readonly ok: false; readonly error: JsonSyntaxProblem };

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const childPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/** Line (1-based) and column (1-based) of an offset in the text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset in the text where a (1-based) line starts. */
export function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}

const describe = (char: string | undefined) => (char === undefined ? 'the end of the text' : `"${char}"`);

/** Parses JSON like `JSON.parse`, also returning the line where each value starts. */
export function readJson(text: string): JsonReading {
  const offsets = new Map<string, number>();
  let i = 0;

  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (char: string, what: string) => {
    space();
    if (text[i] !== char) throw new SyntaxProblem(`expected ${what}, found ${describe(text[i])}`, i);
    i++;
  };
  const string = (): string => {
    const start = i;
    i++; // the opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\n') throw new SyntaxProblem('a line break inside a text: close the quote first (or write \\n)', i);
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) throw new SyntaxProblem('a text that is never closed with "', start);
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      throw new SyntaxProblem('an invalid escape (\\) in this text', start);
    }
  };
  const value = (path: string): unknown => {
    space();
    offsets.set(path, i);
    const char = text[i];
    if (char === '{') {
      i++;
      const object: Record<string, unknown> = {};
      space();
      if (text[i] === '}') {
        i++;
        return object;
      }
      for (;;) {
        space();
        if (text[i] !== '"') {
          throw new SyntaxProblem(text[i] === '}' ? 'a comma before "}" (remove the last comma)' : `expected a name in double quotes, found ${describe(text[i])}`, i);
        }
        const keyOffset = i;
        const key = string();
        const keyPath = childPath(path, key);
        expect(':', '":" after the name');
        object[key] = value(keyPath);
        // An error about a field points at its name, where the editor reads it.
        offsets.set(keyPath, keyOffset);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return object;
        }
        throw new SyntaxProblem(`expected "," or "}" after a value, found ${describe(text[i])}`, i);
      }
    }
    if (char === '[') {
      i++;
      const array: unknown[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return array;
      }
      for (;;) {
        space();
        if (text[i] === ']') throw new SyntaxProblem('a comma before "]" (remove the last comma)', i);
        array.push(value(childPath(path, array.length)));
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return array;
        }
        throw new SyntaxProblem(`expected "," or "]" after a value, found ${describe(text[i])}`, i);
      }
    }
    if (char === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal) {
      i += literal[0].length;
      return JSON.parse(literal[0]) as unknown;
    }
    if (char === "'") throw new SyntaxProblem('texts and names need double quotes ("), not single quotes', i);
    throw new SyntaxProblem(`expected a value, found ${describe(char)}`, i);
  };

  try {
    const result = value('');
    space();
    if (i < text.length) throw new SyntaxProblem(`unexpected ${describe(text[i])} after the end of the content`, i);
    const lines = new Map<string, number>();
    for (const [path, offset] of offsets) lines.set(path, positionOf(text, offset).line);
    return { ok: true, value: result, lines };
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    return { ok: false, error: { message: error.message, ...positionOf(text, error.offset) } };
  }
}

/** The line of a path, or of its closest parent that exists (a missing field is reported on its object). */
export function lineOfPath(lines: ReadonlyMap<string, number>, path: string): number {
  let current = path;
  for (;;) {
    const line = lines.get(current);
    if (line !== undefined) return line;
    if (!current) return 1;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    current = cut > 0 ? current.slice(0, cut) : '';
  }
}

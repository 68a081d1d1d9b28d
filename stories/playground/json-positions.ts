/**
 * Where things are in the JSON text an editor is typing, read with jsonc-parser (the parser of VS
 * Code's JSON support): the range of the value at a problem's path, and syntax errors with their
 * line and column. Paths are those `ContentError` reports, `items[3].answers[2].value`, and FHIR
 * paths in the same syntax, `item[0].extension[1].valueExpression.expression`; `''` is the file.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** A stretch of the text, with the line and column (1-based) where it starts. */
export interface Place {
  readonly from: number;
  readonly to: number;
  readonly line: number;
  readonly column: number;
}

export interface SyntaxProblem extends Place {
  readonly message: string;
}

export type JsonReading =
  | { readonly ok: true; readonly value: unknown; readonly placeOf: (path: string) => Place }
  | { readonly ok: false; readonly errors: readonly SyntaxProblem[] };

type ErrorName = ReturnType<typeof printParseErrorCode>;

/** What each error means to someone typing content, by jsonc-parser's error code. */
const MESSAGES: Record<ErrorName, string> = {
  InvalidSymbol: 'not JSON here: a value is a text in double quotes, a number, true, false, null, an object or an array',
  InvalidNumberFormat: 'not a valid number',
  PropertyNameExpected: 'expected a name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the name',
  CommaExpected: 'expected "," between two values',
  CloseBraceExpected: 'expected "," or "}" after a value: the object is not closed',
  CloseBracketExpected: 'expected "," or "]" after a value: the array is not closed',
  EndOfFileExpected: 'more text after the end of the content',
  InvalidCommentToken: 'a comment: content files are plain JSON, which has no comments',
  UnexpectedEndOfComment: 'a comment that is never closed (and content files are plain JSON, which has no comments)',
  UnexpectedEndOfString: 'a text not closed with " before the end of the line (write \\n for a line break)',
  UnexpectedEndOfNumber: 'a number that ends too early',
  InvalidUnicode: 'an invalid \\u escape: it takes four hexadecimal digits',
  InvalidEscapeCharacter: 'an invalid escape (\\) in this text',
  InvalidCharacter: 'a tab or control character inside a text: write it escaped (\\t)',
  '<unknown ParseErrorCode>': 'not valid JSON here',
};

/** What an error means and where it is, told more plainly where the text shows a common slip. */
function explain(text: string, { error, offset, length }: ParseError): { message: string; from: number; to: number } {
  const name = printParseErrorCode(error);
  const char = text[offset];
  const comma = text.slice(0, offset).trimEnd().length - 1;
  if ((name === 'PropertyNameExpected' || name === 'ValueExpected') && text[comma] === ',' && (char === '}' || char === ']')) {
    return { message: `a comma before "${char}": remove the last comma (content files are plain JSON, which allows none there)`, from: comma, to: comma + 1 };
  }
  const message =
    name === 'InvalidSymbol' && char === "'" ? 'texts and names need double quotes ("), not single quotes'
    : name === 'ValueExpected' && text.trim() === '' ? 'the file is empty: expected an object'
    : MESSAGES[name];
  return { message, from: offset, to: offset + length };
}

/** Line and column (1-based) of offsets in a text, by binary search over the starts of its lines. */
function positions(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/** The child a path's first step names (`[2]`, `.name`) and the rest of the path, or undefined when it is missing. */
function step(node: Node, path: string): [Node, string] | undefined {
  if (!path) return undefined;
  if (node.type === 'array') {
    const index = /^\[(\d+)\]/.exec(path);
    const child = index && node.children?.[Number(index[1])];
    return child ? [child, path.slice(index[0].length)] : undefined;
  }
  if (node.type !== 'object') return undefined;
  const key = path.replace(/^\./, '');
  let found: [Node, string] | undefined;
  let longest = -1;
  for (const [name, value] of (node.children ?? []).map((property) => [String(property.children?.[0]?.value), property.children?.[1]] as const)) {
    // The longest key wins: "a.b" over "a" for the path "a.b.c" when both exist.
    if (value && name.length > longest && key.startsWith(name) && /^(?:$|[.[])/.test(key.slice(name.length))) {
      found = [value, key.slice(name.length)];
      longest = name.length;
    }
  }
  return found;
}

/**
 * The deepest node a path reaches: the value at the path, or, when a key or index on the way is
 * missing, the nearest ancestor that exists (a missing field is reported on its object). Keys are
 * matched against the path's text rather than split from it, so keys holding "." (urls) are found too.
 */
function nodeAt(root: Node, path: string): Node {
  let node = root;
  for (let rest = path, next = step(node, rest); next; next = step(node, rest)) [node, rest] = next;
  return node;
}

/**
 * Parses JSON strictly (no comments, no trailing commas: content files are plain JSON), returning
 * its value and where the value at each path is, or every syntax error with its place.
 */
export function readJson(text: string): JsonReading {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const at = positions(text);
  const place = (from: number, to: number): Place => ({ from, to, ...at(from) });
  if (errors.length > 0 || !tree) {
    // One error a line: after the first slip the parser often finds more that are only its echo.
    const seen = new Set<number>();
    const problems = errors.flatMap((error) => {
      const { message, from, to } = explain(text, error);
      const where = place(from, to);
      if (seen.has(where.line)) return [];
      seen.add(where.line);
      return [{ ...where, message }];
    });
    return { ok: false, errors: problems };
  }
  return {
    ok: true,
    // JSON.parse, not the tree's values: it keeps a "__proto__" key as a plain field.
    value: JSON.parse(text) as unknown,
    placeOf(path) {
      const node = nodeAt(tree, path);
      // A field is read by its name: the place starts there, and an object or array ends at its opening bracket.
      const start = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      const end = node.type === 'object' || node.type === 'array' ? node.offset + 1 : node.offset + node.length;
      return place(start, end);
    },
  };
}

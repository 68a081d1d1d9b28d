import { request as httpRequest } from 'node:http';
import { posix, resolve } from 'node:path';
import remapping from '@jridgewell/remapping';
import MagicString from 'magic-string';
import { minify } from 'terser';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { elementNames } from './scripts/elements.mjs';

const here = import.meta.dirname;
const dependencies = Object.keys(pkg.dependencies);
const elements: Record<string, string> = Object.fromEntries(elementNames.map((name) => [name, resolve(here, `components/${name}/${name}.ts`)]));

/**
 * Strips comments and whitespace from CSS outside its strings. Nothing else: a full CSS minifier
 * merges rules with equal declarations, and a rule that joins a selector some engines lack (such
 * as `:state()`) is dropped whole there.
 */
const minifyCss = (styles: string): string =>
  styles
    // Comments and strings in one pass, so that an apostrophe in a comment opens no string.
    .replace(/\/\*[\s\S]*?\*\/|('[^']*'|"[^"]*")/g, (_, string?: string) => string ?? '')
    .split(/('[^']*'|"[^"]*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/: /g, ':'),
    )
    .join('')
    .replace(/;}/g, '}')
    .trim();

/**
 * Minifies the styles in our `css` tagged templates: no bundler minifies CSS inside JavaScript
 * strings, and the form's styles are a good part of what a page downloads. Templates with
 * interpolations are left as written.
 */
function minifyCssLiterals(): Plugin {
  return {
    name: 'painpath:minify-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(resolve(here, 'components')) || !id.endsWith('.ts')) return undefined;
      const output = new MagicString(code);
      for (const match of code.matchAll(/\bcss`([^`]*)`/g)) {
        const styles = match[1]!;
        if (styles.includes('${')) continue;
        const start = match.index + 'css`'.length;
        output.overwrite(start, start + styles.length, minifyCss(styles));
      }
      return output.hasChanged() ? { code: output.toString(), map: output.generateMap({ hires: true, source: id }) } : undefined;
    },
  };
}

/**
 * Minifies each chunk with terser: about 1 % smaller than the bundler's own minifier, and
 * (unlike Vite's terser option in library mode) without tree-shaking comments, which a finished
 * bundle has no use for.
 */
function minifyWithTerser(): Plugin {
  return {
    name: 'painpath:terser',
    // After everything else, so that nothing formats the chunks again.
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await minify(chunk.code, {
          module: true,
          compress: { passes: 2 },
          // The licence comments of the code inside are collected once in THIRD-PARTY-LICENSES.txt
          // (scripts/build-standalone.mjs) instead of repeated before each module.
          format: {
            comments: /^# sourceMappingURL=/,
            preamble: chunk.isEntry ? '/*! Third-party code inside: see THIRD-PARTY-LICENSES.txt */' : undefined,
          },
          sourceMap: chunk.map ? { content: JSON.stringify(chunk.map) } : false,
        });
        chunk.code = result.code!;
        // The source map is already an asset of the bundle by now.
        const mapAsset = bundle[`${chunk.fileName}.map`];
        if (mapAsset?.type === 'asset' && typeof result.map === 'string') mapAsset.source = result.map;
      }
    },
  };
}

/**
 * Each `import()` of a lazy part also imports, at once, the chunks under it that are not loaded
 * yet, as Vite's module preload does for applications (but not in library mode): the browser then
 * fetches a part and all it needs in one round trip, instead of one round trip per level of
 * imports. For the plain-<script> bundles only; a host's bundler does this for the library.
 */
function importLazyPartsWhole(): Plugin {
  return {
    name: 'painpath:lazy-parts-whole',
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])));
      const under = (fileName: string, found = new Set<string>()): Set<string> => {
        for (const dependency of chunks.get(fileName)?.imports ?? []) {
          if (found.has(dependency)) continue;
          found.add(dependency);
          under(dependency, found);
        }
        return found;
      };
      for (const chunk of chunks.values()) {
        const folder = posix.dirname(chunk.fileName);
        const relative = (fileName: string) => {
          const path = posix.relative(folder, fileName);
          return path.startsWith('.') ? path : `./${path}`;
        };
        const loaded = under(chunk.fileName).add(chunk.fileName);
        const code = new MagicString(chunk.code);
        for (const found of chunk.code.matchAll(/import\((["'])(\.{1,2}\/[^"']+)\1\)/g)) {
          const missing = [...under(posix.join(folder, found[2]!))].filter((fileName) => !loaded.has(fileName));
          if (missing.length === 0) continue;
          const imports = [found[0], ...missing.map((fileName) => `import(${JSON.stringify(relative(fileName))})`)];
          code.overwrite(found.index, found.index + found[0].length, `Promise.all([${imports.join(',')}]).then((parts)=>parts[0])`);
        }
        if (!code.hasChanged()) continue;
        chunk.code = code.toString();
        if (chunk.map) chunk.map = remapping([code.generateMap({ hires: true, source: chunk.fileName }).toString(), JSON.stringify(chunk.map)], () => null) as unknown as typeof chunk.map;
      }
    },
  };
}

const SINGLE_ELEMENT_MODE = /^standalone-(pp-[a-z-]+)$/;

/**
 * The FHIR server of the demo under /fhir/ (scripts/fhir-server.mjs, holding the shipped
 * instruments as Questionnaires): started with the dev server, or, when PAINPATH_FHIR_ORIGIN names
 * one a test started (and may stop), passed through to that one.
 */
function fhirServer(): Plugin {
  return {
    name: 'painpath:fhir-server',
    apply: 'serve',
    async configureServer(server) {
      let origin = process.env['PAINPATH_FHIR_ORIGIN'] ?? '';
      if (!origin) {
        const { startFhirServer } = await import('./scripts/fhir-server.mjs');
        const fhir = await startFhirServer();
        const { demoQuestionnaires } = (await server.ssrLoadModule('/fhir-seed.ts')) as typeof import('./demo/fhir-seed.js');
        for (const questionnaire of demoQuestionnaires()) await fhir.repository.createResource(questionnaire as never);
        server.httpServer?.on('close', () => void fhir.close());
        origin = fhir.origin;
      }
      const target = new URL(origin);
      server.middlewares.use('/fhir', (request, response, next) => {
        // connect gives this route /fhir.html too (the demo page of FHIR forms): only /fhir/… is the server's.
        if (!/^\/fhir(\/|\?|$)/.test(request.originalUrl ?? '')) return next();
        const forwarded = httpRequest({ host: target.hostname, port: target.port, path: `/fhir${request.url}`, method: request.method, headers: request.headers }, (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        });
        // The FHIR server is down: the page sees a gateway error, as behind any proxy.
        forwarded.on('error', () => response.writeHead(502, { 'content-type': 'text/plain' }).end('the FHIR server does not answer'));
        request.pipe(forwarded);
      });
    },
  };
}

// `npm start` serves the demo pages, with content/ as their static files, and the FHIR server.
// `npm run build` builds the library into dist/, leaving its dependencies to the host's bundler,
// then (scripts/build-standalone.mjs) the bundles for a plain <script>, every dependency inside:
// `--mode standalone-pp-questionnaire` one element in one file (with the parts it loads lazily) in
// dist/standalone/, for a page with one element; `--mode standalone` every element in
// dist/standalone/shared/, sharing Lit and the rest in chunks, for a page with several.
export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return {
      root: resolve(here, 'demo'),
      publicDir: resolve(here, 'content'),
      server: { host: '127.0.0.1', port: 5173 },
      plugins: [fhirServer()],
    };
  }
  const singleElement = SINGLE_ELEMENT_MODE.exec(mode)?.[1];
  if (singleElement && !elements[singleElement]) throw new Error(`--mode ${mode}: ${singleElement} is not an element of package.json's exports`);
  const standalone = mode === 'standalone' || singleElement !== undefined;
  return {
    publicDir: false,
    plugins: [minifyCssLiterals(), ...(standalone ? [importLazyPartsWhole(), minifyWithTerser()] : [])],
    build: {
      outDir: resolve(here, singleElement ? 'dist/standalone' : standalone ? 'dist/standalone/shared' : 'dist'),
      // Single-element builds add their files to dist/standalone/ one after another.
      emptyOutDir: !singleElement,
      target: 'es2022',
      sourcemap: true,
      // Library mode leaves whitespace for the host's bundler; a plain <script> gets it minified
      // (by minifyWithTerser).
      minify: false,
      lib: {
        entry: singleElement
          ? { [singleElement]: elements[singleElement]! }
          : standalone
            ? elements
            : { index: resolve(here, 'src/index.ts'), ...elements },
        formats: ['es'],
      },
      rolldownOptions: {
        external: (id) => !standalone && dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`)),
        // One element, one file: the chunks it loads lazily import what they share with it from
        // the element's file itself, instead of from common chunks that would each cost a request.
        ...(singleElement && { preserveEntrySignatures: 'allow-extension' as const }),
        output: {
          // An element's lazy parts in a folder named after it: the elements' parts differ.
          ...(singleElement && {
            chunkFileNames: `${singleElement}/[name]-[hash].js`,
            codeSplitting: {
              groups: [
                { name: singleElement, tags: ['$initial' as const], priority: 3 },
                // Parts that are loaded together, each one file: every request costs a page time
                // before the first paint, however small the file. What every instrument needs to
                // be read and shown (the parser, the draft lookup with its storage code, the scoring
                // of an answer, the engine), and the flags and classifications with the conditions
                // and scoring they use.
                { name: 'reading', test: /[\\/]src[\\/](model[\\/](instrument-parser|json-reader|item-score)|store[\\/](drafts|records|database)|engine[\\/]questionnaire-engine)\.ts$|[\\/]node_modules[\\/]idb[\\/]/, priority: 2 },
                { name: 'rules', test: /[\\/](components[\\/]pp-questionnaire[\\/]rules-part|src[\\/]scoring[\\/](score|rules)|src[\\/]model[\\/](parse-rules|parse-conditions))\.ts$/, priority: 1 },
              ],
            },
          }),
        },
      },
    },
  };
});

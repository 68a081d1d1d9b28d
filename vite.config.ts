import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const here = import.meta.dirname;
const dependencies = Object.keys(pkg.dependencies);
const elements = {
  'pp-questionnaire': resolve(here, 'components/pp-questionnaire/pp-questionnaire.ts'),
  'pp-language-picker': resolve(here, 'components/pp-language-picker/pp-language-picker.ts'),
  'pp-kiosk': resolve(here, 'components/pp-kiosk/pp-kiosk.ts'),
  'pp-score-chart': resolve(here, 'components/pp-score-chart/pp-score-chart.ts'),
  'pp-education': resolve(here, 'components/pp-education/pp-education.ts'),
  'pp-pathway': resolve(here, 'components/pp-pathway/pp-pathway.ts'),
};

// `npm start` serves the demo pages, with content/ as their static files.
// `npm run build` builds the library into dist/, leaving its dependencies to the host's bundler,
// and (`--mode standalone`) dist/standalone/, with every dependency inside, for a plain <script>.
export default defineConfig(({ command, mode }) =>
  command === 'serve'
    ? {
        root: resolve(here, 'demo'),
        publicDir: resolve(here, 'content'),
        server: { host: '127.0.0.1', port: 5173 },
      }
    : {
        publicDir: false,
        build: {
          outDir: resolve(here, mode === 'standalone' ? 'dist/standalone' : 'dist'),
          emptyOutDir: mode !== 'standalone',
          target: 'es2022',
          sourcemap: true,
          lib: {
            entry: mode === 'standalone' ? elements : { index: resolve(here, 'src/index.ts'), ...elements },
            formats: ['es'],
          },
          rolldownOptions: {
            external: (id) => mode !== 'standalone' && dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`)),
            // Library mode leaves whitespace for the host's bundler; a plain <script> gets it minified here.
            ...(mode === 'standalone' && { output: { minify: true } }),
          },
        },
      },
);

import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { instrumentIndexer, instrumentStoriesPlugin } from './instrument-stories.js';

const elementPath = fileURLToPath(new URL('../components/pp-questionnaire/pp-questionnaire.ts', import.meta.url));

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts', '../content/instruments/*.json'],
  addons: ['@storybook/addon-a11y'],
  framework: {
    name: '@storybook/web-components-vite',
    // The project's vite.config.ts builds the library; Storybook needs none of that.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  experimental_indexers: async (indexers) => [...(indexers ?? []), instrumentIndexer],
  viteFinal: async (viteConfig) => ({ ...viteConfig, plugins: [instrumentStoriesPlugin(elementPath), ...(viteConfig.plugins ?? [])] }),
  staticDirs: [{ from: '../content', to: '/content' }],
  core: { disableTelemetry: true },
};

export default config;

import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { contentIndexer, contentStoriesPlugin } from './content-stories.js';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts', '../content/instruments/*.json', '../content/education/*.json', '../content/pathways/*.json', '../content/fhir/*.json'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: {
    name: '@storybook/web-components-vite',
    // The project's vite.config.ts builds the library; Storybook needs none of that.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  experimental_indexers: async (indexers) => [...(indexers ?? []), contentIndexer],
  viteFinal: async (viteConfig) => ({ ...viteConfig, plugins: [contentStoriesPlugin(root), ...(viteConfig.plugins ?? [])] }),
  staticDirs: [{ from: '../content', to: '/content' }],
  core: { disableTelemetry: true },
};

export default config;

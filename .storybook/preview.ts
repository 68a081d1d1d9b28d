import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';

// `npm run analyze` writes custom-elements.json before every Storybook start or build; a glob
// rather than an import keeps the type check and a first `storybook` run working without it.
const manifests = import.meta.glob<{ default: object }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

const preview: Preview = {
  // A docs page per component (attributes, properties, events, parts, CSS custom properties from
  // custom-elements.json) and per content file.
  tags: ['autodocs'],
  parameters: {
    a11y: { test: 'error' },
    layout: 'padded',
  },
};

export default preview;

/**
 * Builds `custom-elements.json` from the elements' JSDoc (`@summary @tag @attr @event @csspart
 * @cssprop`) and their Lit `static properties`. Storybook's docs pages read it, and so do IDEs and CMS
 * integrations through the `customElements` field of package.json.
 */

/** Tidies what the analyzer infers from the code, so the docs show only what the JSDoc promises. */
function painpathDocs() {
  return {
    name: 'painpath-docs',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          // `this.dispatchEvent(new CustomEvent(type, …))` in a generic emit helper is not an event.
          declaration.events = (declaration.events ?? []).filter((event) => event.name?.startsWith('pp-'));
          // Internal reactive state (`{ state: true }`, on private fields) has no attribute.
          const isPrivate = (name) => declaration.members?.some((member) => member.name === name && member.privacy === 'private');
          declaration.attributes = (declaration.attributes ?? []).filter((attribute) => !isPrivate(attribute.fieldName));
          // A field behind a documented attribute shares the attribute's description.
          for (const attribute of declaration.attributes ?? []) {
            const field = declaration.members?.find((member) => member.name === attribute.fieldName);
            if (field && !field.description && attribute.description) field.description = attribute.description;
          }
        }
      }
    },
  };
}

export default {
  globs: ['components/**/pp-*.ts'],
  exclude: ['components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [painpathDocs()],
};

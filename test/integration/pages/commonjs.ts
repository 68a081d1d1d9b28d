/**
 * React 19 ships only CommonJS, which a browser cannot import and the test runner does not
 * convert. This is the smallest CommonJS loader that runs React's own files from node_modules, as
 * a host application's bundler would (production builds, `process.env.NODE_ENV` set).
 */
const FILES: Record<string, string> = {
  react: '/node_modules/react/cjs/react.production.js',
  scheduler: '/node_modules/scheduler/cjs/scheduler.production.js',
  'react-dom': '/node_modules/react-dom/cjs/react-dom.production.js',
  'react-dom/client': '/node_modules/react-dom/cjs/react-dom-client.production.js',
};

export async function loadCommonJs(): Promise<(name: string) => unknown> {
  const sources = Object.fromEntries(
    await Promise.all(Object.entries(FILES).map(async ([name, url]) => [name, await (await fetch(url)).text()] as const)),
  );
  const cache = new Map<string, unknown>();
  const process = { env: { NODE_ENV: 'production' } };
  const require = (name: string): unknown => {
    if (cache.has(name)) return cache.get(name);
    const source = sources[name];
    if (source === undefined) throw new Error(`commonjs.ts: no file for "${name}"`);
    const module = { exports: {} as unknown };
    cache.set(name, module.exports);
    // eslint-disable-next-line no-new-func -- evaluating a CommonJS file is the point here; this page has no CSP.
    new Function('module', 'exports', 'require', 'process', `${source}\n//# sourceURL=${FILES[name]}`)(module, module.exports, require, process);
    cache.set(name, module.exports);
    return module.exports;
  };
  return require;
}

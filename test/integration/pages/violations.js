// Loaded first (a classic script, so it runs before any module): records every CSP violation on
// this page for the test to read, and logs it so that a failing run says what was blocked.
window.violations = [];
const describe = (node) => {
  if (!(node instanceof Element)) return String(node?.nodeName ?? node);
  const host = node.getRootNode() instanceof ShadowRoot ? node.getRootNode().host.localName + ' > ' : '';
  return `${host}${node.localName}${node.className ? '.' + String(node.className).trim().replace(/\s+/g, '.') : ''}`;
};
document.addEventListener('securitypolicyviolation', (event) => {
  const violation = {
    directive: event.violatedDirective,
    blockedURI: event.blockedURI,
    sourceFile: event.sourceFile,
    line: event.lineNumber,
    column: event.columnNumber,
    sample: event.sample,
    // Which element tried, and in which element's shadow root: names the component at fault.
    element: describe(event.composedPath()[0]),
  };
  window.violations.push(violation);
  console.warn('CSP violation', JSON.stringify(violation));
});
window.addEventListener('error', (event) => {
  window.pageErrors = [...(window.pageErrors ?? []), String(event.message)];
});
window.addEventListener('unhandledrejection', (event) => {
  window.pageErrors = [...(window.pageErrors ?? []), String(event.reason)];
});

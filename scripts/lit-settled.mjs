/**
 * Runs in the page (`page.evaluate(litSettled)`, Puppeteer or Playwright): waits until every Lit
 * element, in shadow roots too, has finished rendering, three times over, since an update (content
 * loaded) may start another.
 */
export async function litSettled() {
  for (let round = 0; round < 3; round++) {
    const pending = [];
    const visit = (node) => {
      for (const element of node.querySelectorAll('*')) {
        if (element.updateComplete) pending.push(element.updateComplete);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    await Promise.all(pending);
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
  }
}

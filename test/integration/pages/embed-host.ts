// What a CMS page does: load the element, listen for results.
import '../../../components/pp-questionnaire/pp-questionnaire.js';

declare global {
  interface Window {
    submitted?: unknown[];
  }
}

window.submitted = [];
document.addEventListener('pp-submit', (event) => {
  const detail = (event as CustomEvent).detail;
  window.submitted!.push(detail);
  detail.waitUntil(Promise.resolve());
});

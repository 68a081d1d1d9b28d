// The host page's only script besides violations.js: imports the elements as a bundler would.
import '../../../components/pp-questionnaire/pp-questionnaire.js';
import '../../../components/pp-education/pp-education.js';
import '../../../components/pp-pathway/pp-pathway.js';

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

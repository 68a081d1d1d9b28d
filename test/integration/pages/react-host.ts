// A React 19 application embedding <pp-questionnaire>, written as an application would, without JSX.
import '../../../components/pp-questionnaire/pp-questionnaire.js';
import type { ChangeDetail, SubmitDetail } from '../../../src/events.js';
import { loadCommonJs } from './commonjs.js';

type ReactModule = typeof import('react');
type ReactDomClient = typeof import('react-dom/client');

export interface ReactHost {
  changes: ChangeDetail[];
  submits: SubmitDetail[];
  progressEvents: number;
  renders: number;
  /** Re-renders the application with another language for the form (an attribute). */
  setLanguage(language: string): void;
}

declare global {
  interface Window {
    reactHost?: ReactHost;
  }
}

const require = await loadCommonJs();
const React = require('react') as ReactModule;
const { createRoot } = require('react-dom/client') as ReactDomClient;
const instrument: unknown = await (await fetch('/content/instruments/phq-9.json')).json();

const host: ReactHost = { changes: [], submits: [], progressEvents: 0, renders: 0, setLanguage: () => {} };

function App() {
  const [language, setLanguage] = React.useState('en');
  const [last, setLast] = React.useState<string>('none');
  const formRef = React.useRef<HTMLElement>(null);
  host.setLanguage = setLanguage;
  host.renders += 1;

  // Listening through a ref, for hosts on React 18 or earlier habits.
  React.useEffect(() => {
    const form = formRef.current!;
    const onProgress = () => (host.progressEvents += 1);
    form.addEventListener('pp-progress', onProgress);
    return () => form.removeEventListener('pp-progress', onProgress);
  }, []);

  return React.createElement(
    'section',
    null,
    React.createElement('h1', null, 'My health'),
    React.createElement('pp-questionnaire', {
      ref: formRef,
      // React 19 sets a prop as a property when the custom element has it: an object, not "[object Object]".
      instrument,
      // Strings become attributes.
      lang: language,
      // The clinic accepts the PHQ-9's draft translations, e.g. the Danish one this page switches to.
      'accept-translations': 'official verified draft',
      layout: 'list',
      'draft-key': 'react-phq9',
      // React 19 listens to custom events through on<event-name> props.
      'onpp-change': (event: CustomEvent<ChangeDetail>) => {
        host.changes.push(event.detail);
        setLast(`${event.detail.itemId}=${String(event.detail.value)}`);
      },
      'onpp-submit': (event: CustomEvent<SubmitDetail>) => {
        host.submits.push(event.detail);
        event.detail.waitUntil(Promise.resolve());
      },
    }),
    React.createElement('p', { id: 'last-change' }, last),
  );
}

window.reactHost = host;
createRoot(document.getElementById('root')!).render(React.createElement(App));

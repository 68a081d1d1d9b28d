import '../components/pp-education/pp-education.js';
import '../components/pp-language-picker/pp-language-picker.js';
import '../components/pp-pathway/pp-pathway.js';
import '../components/pp-questionnaire/pp-questionnaire.js';
import '../components/pp-score-chart/pp-score-chart.js';
import type { PpScoreChart } from '../components/pp-score-chart/pp-score-chart.js';

const params = new URLSearchParams(location.search);
const lang = params.get('lang');
if (lang) document.documentElement.lang = lang;
// A CMS theme's root font size (?root-font-size=62.5%), which must not make the elements' text smaller.
const rootFontSize = params.get('root-font-size');
if (rootFontSize) document.documentElement.style.fontSize = rootFontSize;
const only = params.get('only');
if (only) for (const element of document.querySelectorAll(`main > :not(${only})`)) element.remove();

const chart = document.querySelector<PpScoreChart>('pp-score-chart');
if (chart) {
  chart.series = {
    scale: 'pain-intensity',
    points: [
      { date: '2025-01-13', value: 7 },
      { date: '2025-06-16', value: 4 },
      { date: '2026-06-15', value: 3 },
    ],
  };
}

/**
 * Each element's main path walked as a screen-reader user walks it (next item, next form
 * control, activate), left to right and right to left. The phrases that matter are asserted here;
 * everything spoken is kept in test/a11y/transcripts/ and compared (screen-reader.ts).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { deleteAllDatabases, PHQ9_URL } from '../helpers/fixtures.js';
import { waitUntil } from '../helpers/wait.js';
import type { Json } from '../helpers/instrument-builder.js';
import { education, everyItemType, kiosk, LANGUAGES, painOverVisits, pathway, questionnaire, type Language } from './a11y-helpers.js';
import { screenReader as sr } from './screen-reader.js';

/** The words of the elements a walk looks for, as the XLIFF files give them. */
const WORDS = {
  en: {
    notQuite: 'Not quite.',
    right: 'That’s right.',
    wellDone: 'Well done',
    here: 'You are here',
    question1: 'Question 1 of 9',
    answered1: '1 of 9 answered',
    chooseAnAnswer: 'Please choose an answer.',
    thanks: 'Thank you',
    table: 'Show the scores as a table',
    language: 'English',
    next: 'Next',
    submit: 'Submit answers',
    finish: 'Finish',
    agree: 'I agree',
    done: 'Done',
    stillHere: 'Yes, I am still here',
    addAnother: 'Add another',
  },
  ar: {
    notQuite: 'ليس تمامًا.',
    right: 'إجابة صحيحة.',
    wellDone: 'أحسنت',
    here: 'أنت هنا',
    question1: 'السؤال 1 من 9',
    answered1: 'تمت الإجابة عن 1 من 9',
    chooseAnAnswer: 'يُرجى اختيار إجابة.',
    thanks: 'شكرًا',
    table: 'عرض النتائج في جدول',
    language: 'العربية',
    next: 'التالي',
    submit: 'إرسال الإجابات',
    finish: 'إنهاء',
    agree: 'أوافق',
    done: 'تم',
    stillHere: 'نعم، ما زلت هنا',
    addAnother: 'إضافة المزيد',
  },
} as const;

const button = (name: string) => new RegExp(`(^|; )button, (${name})`);
/** Every language of the content, whatever the status of its translation: the walk is about how things are said. */
const ALL_TRANSLATIONS = 'official verified draft';

/** A FHIR Questionnaire with what the walk must hear: a repeating group and an open choice. */
const fhirForm: Json = {
  resourceType: 'Questionnaire',
  id: 'medicines',
  status: 'active',
  title: 'Your medicines',
  item: [
    {
      linkId: 'where',
      type: 'open-choice',
      text: 'Where do you do your exercises?',
      answerOption: [{ valueString: 'At home' }, { valueString: 'At a gym' }],
    },
    {
      linkId: 'medicine',
      type: 'group',
      repeats: true,
      text: 'Each medicine you take for the pain',
      item: [{ linkId: 'name', type: 'string', text: 'Name of the medicine' }],
    },
  ],
};

/** From the kiosk's start screen to its consent, in the language given, by screen reader. */
async function startKioskIn(lang: Language): Promise<void> {
  await sr.start('pp-kiosk');
  await sr.nextUntil(button('Start'), sr.nextControl);
  await sr.activate();
  await sr.nextUntil(new RegExp(`radio, ${WORDS[lang].language}`), sr.nextControl);
  await sr.activate();
  await sr.nextUntil(button(WORDS[lang].next), sr.nextControl);
  await sr.activate();
}

for (const lang of LANGUAGES) {
  const words = WORDS[lang];
  describe(`screen-reader walks (${lang})`, () => {
    beforeEach(deleteAllDatabases);

    it('PHQ-9, one question at a time: a missed answer, its error, progress and the thanks', async () => {
      await questionnaire(html`<pp-questionnaire src=${PHQ9_URL} lang=${lang} accept-translations=${ALL_TRANSLATIONS} storage="memory"></pp-questionnaire>`);
      await sr.start('pp-questionnaire');
      // The question's number and the shared stem, the item, each answer with its state and place.
      expect(await sr.nextControl()).to.match(new RegExp(`^group, ${words.question1}, .+; group, .+; radio, .+, not checked, 1 of 4$`));
      await sr.nextUntil(button(words.next));
      // Next without an answer: back to the first answer, which says it is invalid and why.
      expect(await sr.activate()).to.match(new RegExp(`radio, .+, not checked, invalid entry, 1 of 4, ${words.chooseAnAnswer}$`));
      let thanks = '';
      for (let question = 1; question <= 10; question++) {
        const answered = await sr.activate();
        expect(answered, 'the answer chosen, then progress').to.match(/, checked, 1 of 4\nannounced: /);
        if (question === 1) expect(answered).to.include(`announced: ${words.answered1}`);
        const last = await sr.nextUntil(button(`${words.next}|${words.submit}`));
        const said = await sr.activate();
        if (last.includes(words.submit)) {
          thanks = said;
          break;
        }
        await sr.nextControl();
      }
      expect(thanks, 'focus on the thanks after Submit').to.include(words.thanks);
      await sr.next();
      await sr.expectTranscript(`phq-9-paged.${lang}`);
    });

    it('PHQ-9, all questions on one page: a skipped question found from the error', async () => {
      await questionnaire(html`<pp-questionnaire src=${PHQ9_URL} lang=${lang} accept-translations=${ALL_TRANSLATIONS} layout="list" storage="memory"></pp-questionnaire>`);
      await sr.start('pp-questionnaire');
      for (let question = 1; question <= 9; question++) {
        await sr.nextUntil(/; radio, /, sr.nextControl);
        if (question !== 3) await sr.activate();
      }
      await sr.nextUntil(button(words.submit), sr.nextControl);
      // Submit finds the skipped third question: focus on its first answer, with the error.
      const skipped = await sr.activate();
      expect(skipped).to.match(new RegExp(`radio, .+, not checked, invalid entry, 1 of 4, ${words.chooseAnAnswer}$`));
      expect(await sr.activate(), 'answered, the error is gone').to.match(/, checked, 1 of 4\n/);
      await sr.nextUntil(button(words.submit), sr.nextControl);
      expect(await sr.activate()).to.include(words.thanks);
      await sr.expectTranscript(`phq-9-list.${lang}`);
    });

    it('the NRS, the VAS and the body map', async () => {
      await questionnaire(html`<pp-questionnaire .instrument=${await everyItemType(lang)} lang=${lang} layout="list" storage="memory"></pp-questionnaire>`);
      await sr.start('pp-questionnaire');
      await sr.nextControl();
      for (let step = 0; step < 7; step++) await sr.next();
      await sr.activate();
      const slider = await sr.nextUntil(/^slider/, sr.nextControl);
      expect(slider, 'the VAS: its question, no value yet, its two ends').to.match(/^slider, How good or bad is your health today\?, .+, 0 = The worst health you can imagine 100 = The best health you can imagine$/);
      await sr.activate();
      // Right to left, the slider's lowest end is on the right: ArrowRight moves towards it.
      expect(await sr.press('ArrowRight')).to.match(new RegExp(`^slider, [^,]+, ${lang === 'ar' ? 0 : 1}, `));
      await sr.press('PageUp');
      expect(await sr.nextUntil(/checkbox/, sr.nextControl), 'body-map regions in their named groups').to.match(/^group, Where have you had pain in the last week\?; group, .+; checkbox, .+, not checked$/);
      expect(await sr.activate()).to.match(/^checkbox, .+, checked\n/);
      await sr.next();
      await sr.activate();
      await sr.expectTranscript(`rating-and-body-map.${lang}`);
    });

    it('a FHIR form: an answer of one’s own, and a group answered twice', async () => {
      await questionnaire(html`<pp-questionnaire .instrument=${fhirForm} lang=${lang} layout="list" storage="memory"></pp-questionnaire>`);
      await sr.start('pp-questionnaire');
      await sr.nextUntil(/radio, /, sr.nextControl);
      await sr.nextControl();
      await sr.nextControl();
      await sr.type('At the pool');
      await sr.nextControl();
      await sr.type('Paracetamol');
      // The form has English texts only, so it is shown in English whatever the page's language.
      expect(await sr.nextUntil(button(WORDS.en.addAnother), sr.nextControl)).to.equal('button, Add another, Each medicine you take for the pain');
      expect(await sr.activate(), 'focus in the new repeat').to.match(/^group, Each medicine you take for the pain 2; textbox, Name of the medicine \(optional\)/);
      await sr.type('Ibuprofen');
      await sr.nextUntil(button(WORDS.en.submit), sr.nextControl);
      await sr.expectTranscript(`fhir-form.${lang}`);
    });

    it('an education module with its knowledge check', async () => {
      await education(html`<pp-education src="/content/education/hurt-and-harm.json" lang=${lang}></pp-education>`);
      await sr.start('pp-education');
      const heard: string[] = [];
      for (let page = 1; page <= 12; page++) {
        const found = await sr.nextUntil(new RegExp(`^button, (${words.next}|${words.finish})|^radio`), sr.next, 200);
        if (found.startsWith('radio')) {
          heard.push(await sr.activate());
          // Another answer of the same question, if there is one: a question's last answer is followed by the Back button.
          if ((await sr.nextControl()).startsWith('radio')) heard.push(await sr.activate());
          continue;
        }
        heard.push(await sr.activate());
        if (found.includes(words.finish)) break;
      }
      // Each answer's feedback is announced as it is chosen, and the end of the module.
      expect(heard.join('\n')).to.include(`announced: ${words.notQuite} `).and.include(`announced: ${words.right} `).and.include(`announced: ${words.wellDone}`);
      await sr.expectTranscript(`education.${lang}`);
    });

    it('a pathway: where you are, and a step opened', async () => {
      await pathway(lang);
      await sr.start('pp-pathway');
      await sr.nextUntil(/collapsed/, sr.nextControl);
      expect(await sr.activate()).to.match(/^heading, level 4, button, .+, expanded$/);
      await sr.nextUntil(new RegExp(`^${words.here}$`));
      for (let step = 0; step < 80; step++) if ((await sr.next()) === 'end of content') break;
      await sr.expectTranscript(`pathway.${lang}`);
    });

    it('the score chart’s table', async () => {
      const chart = await fixture(html`<pp-score-chart src="/content/instruments/nrs-11.json" lang=${lang} .series=${painOverVisits}></pp-score-chart>`);
      await waitUntil(() => chart.shadowRoot!.querySelector('canvas'), 'no chart drawn');
      await sr.start('pp-score-chart');
      await sr.nextUntil(new RegExp(`button, ${words.table}`));
      expect(await sr.activate()).to.match(/, expanded$/);
      expect(await sr.nextUntil(/^table, /)).to.match(/^table, .+/);
      expect(await sr.next(), 'the table has its column headers').to.match(/^columnheader, /);
      for (let step = 0; step < 30; step++) if ((await sr.next()) === 'end of content') break;
      await sr.expectTranscript(`score-chart.${lang}`);
    });

    it('the kiosk from its start screen to the thanks', async () => {
      await kiosk();
      await startKioskIn(lang);
      await sr.nextUntil(button(words.agree), sr.nextControl);
      await sr.activate();
      // The kiosk's questionnaires accept only validated translations: one without is shown in English, with a notice.
      for (let page = 1; page <= 12; page++) {
        await sr.nextUntil(/radio, /, sr.nextControl);
        await sr.activate();
        await sr.nextUntil(button(`${words.next}|${words.submit}|${WORDS.en.next}|${WORDS.en.submit}`), sr.nextControl);
        await sr.activate();
        if (/thanks|شكر|Thank you/.test(await sr.focused())) break;
      }
      await sr.nextUntil(button(words.done), sr.nextControl);
      await sr.expectTranscript(`kiosk.${lang}`);
    });

    it('the kiosk’s idle warning', async () => {
      await kiosk(2);
      await startKioskIn(lang);
      await waitUntil(() => document.querySelector('pp-kiosk')!.shadowRoot!.querySelector('dialog[open]'), 'no idle warning');
      expect(await sr.focused(), 'the warning, modal, with its text, and focus on its button').to.match(new RegExp(`^dialog, .+, modal, .+; button, ${words.stillHere}$`));
      await sr.activate();
      await sr.expectTranscript(`kiosk-idle-warning.${lang}`);
    });
  });
}

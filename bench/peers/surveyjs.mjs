// SurveyJS JSON equivalents of the bench instruments: the same questions, answers, required flags
// and conditions, converted from Painpath's native format so that both sides render the same form.
// Covers what the bench instruments use (groups, choice items, enableWhen); English text only.

const OPERATORS = { '=': '=', '!=': '<>', '<': '<', '>': '>' };

/** A SurveyJS `visibleIf` expression for a Painpath enableWhen list. */
function visibleIf(conditions, behavior = 'all') {
  const parts = conditions.map(({ item, operator, value }) =>
    operator === 'exists' ? `{${item}} ${value === false ? 'empty' : 'notempty'}` : `{${item}} ${OPERATORS[operator]} ${JSON.stringify(value)}`,
  );
  return parts.join(behavior === 'any' ? ' or ' : ' and ');
}

function element(item, answerSets) {
  const common = { name: item.id, title: item.text?.en, ...(item.enableWhen && { visibleIf: visibleIf(item.enableWhen, item.enableBehavior) }) };
  if (item.type === 'group' || item.type === 'page') {
    return { type: 'panel', ...common, elements: item.items.map((child) => element(child, answerSets)) };
  }
  if (item.type === 'choice') {
    const answers = typeof item.answers === 'string' ? answerSets[item.answers] : item.answers;
    return { type: 'radiogroup', ...common, isRequired: !!item.required, choices: answers.map((a) => ({ value: a.value, text: a.text.en })) };
  }
  throw new Error(`bench conversion has no SurveyJS equivalent for ${item.type} (${item.id})`);
}

/** The SurveyJS survey JSON for a raw Painpath instrument: one page with every question, like layout="list". */
export function toSurveyJs(instrument) {
  return {
    title: instrument.title.en,
    elements: instrument.items.map((item) => element(item, instrument.answerSets ?? {})),
    completeText: 'Submit answers',
  };
}

import { expect } from '@open-wc/testing';
import { ContentError } from '../../src/model/content-error.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { labelledIdsOf, REGION_SETS } from '../../src/model/region-sets.js';
import { phq9Json } from '../helpers/fixtures.js';

function problemsOf(json: unknown): string[] {
  try {
    parseInstrument(json);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return (error as ContentError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected a ContentError');
}

const minimal = () => ({
  id: 'mini',
  version: '1',
  languages: ['en'],
  title: { en: 'Mini' },
  meta: { name: { en: 'Mini' }, citation: ['Test'], licence: { kind: 'text-granted', notice: { en: 'Ours' } } },
  translations: { en: { status: 'draft', source: 'ours' } },
  items: [
    { id: 'a', type: 'choice', required: true, text: { en: 'A?' }, answers: [ { value: 0, text: { en: 'No' } }, { value: 1, text: { en: 'Yes' } } ] },
    { id: 'b', type: 'choice', text: { en: 'B?' }, answers: [ { value: 0, text: { en: 'No' } }, { value: 1, text: { en: 'Yes' } } ] },
  ],
  scoring: { scales: [ { id: 'total', name: { en: 'Total' }, method: 'sum', items: ['a', 'b'], range: { min: 0, max: 2 }, bands: [], source: 'test' } ] },
});

describe('parseInstrument', () => {
  it('accepts the shipped PHQ-9 and resolves shared answer sets', async () => {
    const phq9 = parseInstrument(await phq9Json());
    expect(phq9.id).to.equal('phq-9');
    const group = phq9.items[0]!;
    expect(group.type).to.equal('group');
    if (group.type !== 'group') return;
    expect(group.items).to.have.length(9);
    const first = group.items[0]!;
    expect(first.type === 'choice' && first.answers.map((a) => a.value)).to.deep.equal([0, 1, 2, 3]);
  });

  it('returns a result that parses again to the same instrument', async () => {
    const once = parseInstrument(await phq9Json());
    expect(parseInstrument(JSON.parse(JSON.stringify(once)))).to.deep.equal(once);
  });

  it('names the JSON path of a wrong answer value', () => {
    const json = minimal();
    (json.items[1]!.answers[1] as { value: unknown }).value = true;
    expect(problemsOf(json)).to.include('items[1].answers[1].value: expected a number, got boolean');
  });

  it('lists every problem of a file, not only the first', () => {
    const json: Record<string, unknown> = minimal();
    delete json['version'];
    (json['title'] as Record<string, unknown>) = { da: 'Mini' };
    (json['items'] as { type: string }[])[0]!.type = 'slider';
    const problems = problemsOf(json);
    expect(problems).to.include('version: expected a string, got undefined');
    expect(problems).to.include('title: missing the source language "en"');
    expect(problems.some((p) => p.startsWith('items[0].type: expected one of "choice", "multi-choice", "integer"'))).to.equal(true);
  });

  it('reports a problem in a shared answer set once, at the set', async () => {
    const json = await phq9Json();
    const sets = json['answerSets'] as Record<string, { value: unknown }[]>;
    sets['frequency']![2]!.value = true;
    expect(problemsOf(json)).to.deep.equal(['answerSets.frequency[2].value: expected a number, got boolean']);
  });

  it('refuses to score items whose answers are not numbers', async () => {
    const json = await phq9Json();
    const sets = json['answerSets'] as Record<string, { value: unknown }[]>;
    sets['frequency']![2]!.value = 'two';
    expect(problemsOf(json)).to.include('scoring.scales[0].items[0]: "phq9-1" has answers with neither a numeric value nor a score');
  });

  it('rejects an unknown answer set name', () => {
    const json = minimal();
    (json.items[0] as Record<string, unknown>)['answers'] = 'frequency';
    expect(problemsOf(json)).to.include('items[0].answers: no answer set named "frequency" in answerSets');
  });

  it('rejects duplicate item ids and duplicate answer values', () => {
    const json = minimal();
    json.items[1]!.id = 'a';
    json.items[0]!.answers[1]!.value = 0;
    const problems = problemsOf(json);
    expect(problems).to.include('items[1].id: duplicate item id "a"');
    expect(problems).to.include('items[0].answers[1].value: duplicate answer value 0');
  });

  it('lets conditions refer to answerable items before or after, compared by their type', () => {
    const json = minimal();
    (json.items[0] as Record<string, unknown>)['enableWhen'] = [{ item: 'b', operator: '=', value: 1 }];
    expect(parseInstrument(json).items[0]!.enableWhen).to.deep.equal([{ item: 'b', operator: '=', value: 1 }]);
    (json.items[0] as Record<string, unknown>)['enableWhen'] = [{ item: 'nope', operator: '=', value: 1 }, { item: 'b', operator: '=', value: true }];
    (json.items[1] as Record<string, unknown>)['enableWhen'] = [{ item: 'a', operator: 'bigger', value: 1 }];
    const problems = problemsOf(json);
    expect(problems).to.include('items[0].enableWhen[0].item: "nope" is not an item of this instrument');
    expect(problems).to.include('items[0].enableWhen[1].item: "b" is a choice item; compare it with one of its answers');
    expect(problems.some((p) => p.startsWith('items[1].enableWhen[0].operator: expected one of'))).to.equal(true);
  });

  it('compares boolean items with true or false, by = or != only', () => {
    const json = minimal();
    json.items.push({ id: 'yes', type: 'boolean', text: { en: 'Yes?' } } as never);
    (json.items[0] as Record<string, unknown>)['enableWhen'] = [{ item: 'yes', operator: '>', value: true }, { item: 'yes', operator: '=', value: 1 }];
    expect(problemsOf(json)).to.deep.equal([
      'items[0].enableWhen[0].operator: true or false compares only with "=" or "!="',
      'items[0].enableWhen[1].item: "yes" is a boolean item; compare it with true or false',
    ]);
  });

  it('reads questions that take several answers, refusing repeats where one answer is all there is', () => {
    const json = minimal();
    json.items.push(
      { id: 'names', type: 'text', text: { en: 'Names?' }, repeats: true, minOccurs: 2, maxOccurs: 4, initial: ['A', 'B'] } as never,
      { id: 'pain', type: 'nrs', text: { en: 'Pain?' }, repeats: true, anchors: { min: { en: 'none' }, max: { en: 'worst' } } } as never,
      { id: 'once', type: 'integer', text: { en: 'Once?' }, maxOccurs: 3 } as never,
      { id: 'few', type: 'date', text: { en: 'Few?' }, repeats: true, minOccurs: 3, maxOccurs: 2 } as never,
      { id: 'many', type: 'integer', text: { en: 'Many?' }, repeats: true } as never,
    );
    (json.items[0] as Record<string, unknown>)['repeats'] = true;
    json.scoring.scales[0]!.items = ['a', 'many'];
    expect(problemsOf(json)).to.have.members([
      'items[0].repeats: a choice question does not repeat: a multi-choice takes several answers',
      'items[3].repeats: a nrs question takes one answer',
      'items[4]: only a question that repeats has a minOccurs or maxOccurs',
      'items[5].maxOccurs: minOccurs must be at least 1, and maxOccurs at least 2 and at least minOccurs',
      'scoring.scales[0].items[1]: "many" takes several answers and cannot be scored',
    ]);
  });

  it('reads the controls of choices and numbers, refusing those that do not fit', () => {
    const json = minimal();
    json.items.push(
      { id: 'm', type: 'multi-choice', text: { en: 'M?' }, control: 'drop-down', orientation: 'diagonal', answers: [{ value: 1, text: { en: 'One' } }, { value: 2, text: { en: 'Two' } }] } as never,
      { id: 's', type: 'integer', text: { en: 'S?' }, control: 'slider', min: 0 } as never,
      { id: 't', type: 'integer', text: { en: 'T?' }, step: 2 } as never,
    );
    const problems = problemsOf(json);
    expect(problems).to.include.members([
      'items[2].control: a multi-choice is answered with check boxes',
      'items[3].control: a slider needs a min and a max',
      'items[4].step: a slider or spinner steps by a number above 0',
    ]);
    expect(problems.some((p) => p.startsWith('items[2].orientation: expected one of'))).to.equal(true);
  });

  it('reads attachments with their largest size and MIME types, tested only by exists', () => {
    const json = minimal();
    json.items.push(
      { id: 'scan', type: 'attachment', text: { en: 'Scan?' }, maxSize: 0, mimeTypes: ['application/pdf', 'pdf'] } as never,
      { id: 'if-scan', type: 'text', text: { en: 'Why?' }, enableWhen: [{ item: 'scan', operator: '=', value: 'x' }] } as never,
    );
    expect(problemsOf(json)).to.have.members([
      'items[2].maxSize: expected a size in bytes of at least 1',
      'items[2].mimeTypes[1]: expected a MIME type such as image/jpeg, got "pdf"',
      'items[3].enableWhen[0].item: "scan" is an attachment item; test it only with "exists"',
    ]);
  });

  it('checks the options of a choice of dates or times against their valueType', () => {
    const json = minimal();
    json.items.push({ id: 'when', type: 'choice', valueType: 'date', text: { en: 'When?' }, answers: [{ value: '2022', text: { en: '2022' } }, { value: '22-09', text: { en: 'Sept' } }] } as never);
    expect(problemsOf(json)).to.deep.equal(['items[2].answers[1].value: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, as valueType says']);
  });

  it('reads quantities with their units, compared only with quantities, their starting value checked against the units', () => {
    const json = minimal();
    const kg = { code: { system: 'http://unitsofmeasure.org', code: 'kg' }, text: { en: 'kg' } };
    json.items.push(
      { id: 'w', type: 'quantity', text: { en: 'W?' }, units: [kg], min: 1, initial: { value: 70, unit: 'kg' } } as never,
      { id: 'twice', type: 'quantity', text: { en: 'T?' }, units: [kg, kg], maxDecimals: -1, initial: { value: 70, unit: 'lb' } } as never,
      { id: 'heavy', type: 'text', text: { en: 'H?' }, enableWhen: [{ item: 'w', operator: '>', value: 100 }] } as never,
      { id: 'weighed', type: 'text', text: { en: 'Weighed?' }, enableWhen: [{ item: 'w', operator: 'exists', value: true }] } as never,
    );
    expect(problemsOf(json)).to.have.members([
      'items[3].units[1]: duplicate unit code "kg"',
      'items[3].maxDecimals: expected a whole number of 0 or more',
      'items[3].initial: {"value":70,"unit":"lb"} is not an answer to "twice"',
      'items[4].enableWhen[0].item: "w" is a quantity item; compare it with a quantity: {"value": 70, "unit": "kg"}',
    ]);
  });

  it('reads repeating groups and questions under questions, refusing what they cannot hold', () => {
    const json = minimal();
    json.items.push(
      { id: 'g', type: 'group', repeats: true, maxOccurs: 0, items: [{ id: 'in-g', type: 'text', text: { en: 'In g?' } }] } as never,
      { id: 'page', type: 'page', maxOccurs: 2, items: [{ id: 'p1', type: 'text', text: { en: 'P?' } }] } as never,
      { id: 'multi', type: 'multi-choice', text: { en: 'M?' }, answers: [{ value: 1, text: { en: 'One' } }, { value: 2, text: { en: 'Two' } }], items: [{ id: 'under-multi', type: 'text', text: { en: 'U?' } }] } as never,
      { id: 'outside', type: 'text', text: { en: 'O?' }, enableWhen: [{ item: 'in-g', operator: 'exists', value: true }] } as never,
    );
    json.scoring.scales[0]!.items = ['a', 'in-g'];
    expect(problemsOf(json)).to.have.members([
      'items[2].maxOccurs: only a repeating group has a maxOccurs, of at least 1',
      'items[3].maxOccurs: only a repeating group has a maxOccurs, of at least 1',
      'items[4].items: items under a multi-choice question are not supported',
      'items[5].enableWhen[0].item: "in-g" is in the repeating group "g", which this item is not in',
      'scoring.scales[0].items[1]: "in-g" is in the repeating group "g" and cannot be scored',
    ]);
  });

  it('refuses a pattern that is no regular expression, and lengths and decimals that cannot be met', () => {
    const json = minimal();
    json.items.push(
      { id: 't', type: 'text', text: { en: 'T?' }, pattern: '(', minLength: 5, maxLength: 3 } as never,
      { id: 'd', type: 'decimal', text: { en: 'D?' }, maxDecimals: -1 } as never,
    );
    const problems = problemsOf(json);
    expect(problems.some((p) => p.startsWith('items[2].pattern: not a regular expression'))).to.equal(true);
    expect(problems).to.include.members(['items[2].minLength: must be at least 1, and at most maxLength', 'items[3].maxDecimals: expected a whole number of 0 or more']);
  });

  it('refuses initial answers that are not answers to their item', () => {
    const json = minimal();
    (json.items[0] as Record<string, unknown>)['initial'] = 7;
    expect(problemsOf(json)).to.deep.equal(['items[0].initial: 7 is not an answer to "a"']);
  });

  it('requires bands to cover the scale range without gaps or overlaps', () => {
    const json = minimal();
    const scale = json.scoring.scales[0]! as Record<string, unknown>;
    scale['bands'] = [
      { id: 'low', min: 0, max: 0, label: { en: 'Low' } },
      { id: 'high', min: 2, max: 3, label: { en: 'High' } },
    ];
    const problems = problemsOf(json);
    expect(problems).to.include('scoring.scales[0].bands[1].min: leaves a gap after the band before it (which ends at 0)');
    expect(problems).to.include('scoring.scales[0].bands[1].max: the last band must end at the range maximum 2');
  });

  it('refuses to score items that are not there', () => {
    const json = minimal();
    json.scoring.scales[0]!.items = ['a', 'c'];
    expect(problemsOf(json)).to.include('scoring.scales[0].items[1]: "c" is not an item of this instrument');
  });

  it('requires a translation status for every language and none for others', () => {
    const json = minimal();
    json.languages = ['en', 'da'];
    (json.translations as Record<string, unknown>)['ar'] = { status: 'official', source: 'x' };
    const problems = problemsOf(json);
    expect(problems).to.include('translations: missing the translation status of "da"');
    expect(problems).to.include('translations.ar: "ar" is not in languages');
  });

  it('refuses conditions through which an item depends on itself', () => {
    const json = minimal();
    (json.items[0] as Record<string, unknown>)['enableWhen'] = [{ item: 'a', operator: '=', value: 1 }];
    expect(problemsOf(json)).to.deep.equal(['items[0].enableWhen: "a" is shown only when an answer is given that needs "a" shown first (its conditions form a cycle)']);
    (json.items[0] as Record<string, unknown>)['enableWhen'] = [{ item: 'b', operator: '=', value: 1 }];
    (json.items[1] as Record<string, unknown>)['enableWhen'] = [{ item: 'a', operator: 'exists', value: true }];
    expect(problemsOf(json)).to.have.length(1);
  });

  it('refuses weights of 0 or below, which would divide by nothing', () => {
    const json = minimal();
    (json.scoring.scales[0] as Record<string, unknown>)['weights'] = { a: 0, b: -1 };
    expect(problemsOf(json)).to.include.members(['scoring.scales[0].weights.a: a weight must be above 0', 'scoring.scales[0].weights.b: a weight must be above 0']);
  });

  it('refuses to prorate items that score on different ranges', () => {
    const json = minimal();
    json.items[1]!.answers.push({ value: 2, text: { en: 'Very' } });
    (json.scoring.scales[0] as Record<string, unknown>)['missing'] = { minAnswered: 1, prorate: true };
    expect(problemsOf(json)).to.include('scoring.scales[0].missing.prorate: prorating needs items that all score on the same bounded range; these score 0–1, 0–2');
  });

  it('reports languages that are not a list instead of failing', () => {
    const json: Record<string, unknown> = minimal();
    json['languages'] = 'en';
    expect(problemsOf(json)).to.include('languages: expected an array, got string');
  });

  it('needs a label for every group and region of a body map, and for nothing else', () => {
    const json = minimal();
    const labels: Record<string, unknown> = Object.fromEntries(labelledIdsOf(REGION_SETS['acr-2016']!).map((id) => [id, { en: id }]));
    delete labels['neck'];
    delete labels['axial'];
    labels['tail'] = { en: 'Tail' };
    labels['chest'] = { da: 'Bryst' };
    (json.items as unknown[]).push({ id: 'where', type: 'body-map', text: { en: 'Where?' }, regionSet: 'acr-2016', regionLabels: labels });
    expect(problemsOf(json)).to.have.members([
      'items[2].regionLabels.tail: acr-2016 has no region or region group "tail"',
      'items[2].regionLabels: missing the label of "axial", "neck"',
      'items[2].regionLabels.chest: missing the source language "en"',
    ]);
  });

  it('explains a non-object file at the root', () => {
    expect(problemsOf([])).to.deep.equal([': expected an object, got an array']);
  });
});

import { expect } from '@open-wc/testing';
import { readJson, type JsonReading } from '../../stories/playground/json-positions.js';

const TEXT = `{
  "id": "demo",
  "items": [
    { "id": "a", "type": "text" },
    {
      "id": "b",
      "answers": [{ "value": 0 }, { "value": 1 }]
    }
  ],
  "valueSets": {
    "http://loinc.org/vs/LL358-3": { "expansion": { "contains": [] } }
  }
}`;

const ok = (reading: JsonReading) => {
  if (!reading.ok) throw new Error(`not read: ${JSON.stringify(reading.errors)}`);
  return reading;
};
const errorsOf = (text: string) => {
  const reading = readJson(text);
  if (reading.ok) throw new Error('read without an error');
  return reading.errors;
};

describe('json-positions: where a path is in the text an editor types', () => {
  it('places a value at its name, on its line', () => {
    const place = ok(readJson(TEXT)).placeOf('items[1].answers[1].value');
    expect(place.line).to.equal(7);
    expect(TEXT.slice(place.from, place.to)).to.equal('"value": 1');
  });

  it('places an object or array at its name and opening bracket only', () => {
    const place = ok(readJson(TEXT)).placeOf('items[1].answers');
    expect(TEXT.slice(place.from, place.to)).to.equal('"answers": [');
    expect([place.line, place.column]).to.deep.equal([7, 7]);
  });

  it('finds keys that hold dots (a value set by its url)', () => {
    const place = ok(readJson(TEXT)).placeOf('valueSets.http://loinc.org/vs/LL358-3.expansion.contains');
    expect(TEXT.slice(place.from, place.to)).to.equal('"contains": [');
    expect(place.line).to.equal(11);
  });

  it('places a missing field or index on the nearest part that exists, and the whole file at the start', () => {
    const reading = ok(readJson(TEXT));
    expect(TEXT.slice(reading.placeOf('items[0].answers').from, reading.placeOf('items[0].answers').to)).to.equal('{');
    expect(reading.placeOf('items[0].answers').line).to.equal(4);
    expect(reading.placeOf('items[7].text').line).to.equal(3);
    expect(reading.placeOf('')).to.include({ from: 0, line: 1, column: 1 });
  });

  it('gives the value as JSON.parse does', () => {
    expect(ok(readJson(TEXT)).value).to.deep.equal(JSON.parse(TEXT));
  });

  it('tells syntax slips plainly, at their line and column, one a line', () => {
    const [comma] = errorsOf('{\n  "a": 1,\n  "b": 2,\n}');
    expect(comma).to.include({ line: 3, column: 9 });
    expect(comma!.message).to.contain('remove the last comma');

    expect(errorsOf('{\n  // note\n  "a": 1\n}')[0]).to.include({ line: 2, message: 'a comment: content files are plain JSON, which has no comments' });
    expect(errorsOf("{ 'a': 1 }")[0]!.message).to.equal('texts and names need double quotes ("), not single quotes');
    expect(errorsOf('   ')[0]!.message).to.equal('the file is empty: expected an object');

    const lines = errorsOf('{\n  "a": 1 "b": 2 "c": 3\n}').map((error) => error.line);
    expect(lines).to.deep.equal([...new Set(lines)]);
  });
});

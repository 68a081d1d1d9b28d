import { expect } from '@open-wc/testing';
import { openDatabase, type StoredRecord } from '../../src/store/database.js';
import { removeRecords, writeRecord } from '../../src/store/record-writes.js';
import { readRecords, type Vault } from '../../src/store/records.js';
import { deleteAllDatabases } from '../helpers/fixtures.js';
import { waitUntil } from '../helpers/wait.js';
import { loadPage } from '../integration/helpers.js';

const keyFrom = (seed: number) => crypto.subtle.importKey('raw', new Uint8Array(32).fill(seed), 'AES-GCM', false, ['encrypt', 'decrypt']);
const now = () => new Date().toISOString();
const allRecords = async () => (await openDatabase()).getAll('records');

describe('records', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    await deleteAllDatabases();
  });

  it('keeps a record until savedAt plus its days, and reads none past that', async () => {
    const vault: Vault = { subject: 'a', storage: 'device' };
    const savedAt = '2026-12-01T10:00:00.000Z';
    await writeRecord(vault, 'result', 'r1', { total: 3 }, { savedAt, keepDays: 30 });
    const [record] = await allRecords();
    expect(record!.expiresAt).to.equal('2026-12-31T10:00:00.000Z');
    expect((await readRecords(vault, 'result', 'r1', true, new Date('2026-12-31T09:59:00Z'))).records).to.have.length(1);
    expect((await readRecords(vault, 'result', 'r1', true, new Date('2026-12-31T10:01:00Z'))).records).to.deep.equal([]);
  });

  it('deletes expired records of every subject when a page opens the database', async () => {
    const db = await openDatabase();
    const expired: StoredRecord = { subject: 'someone', kind: 'draft', name: 'old', lock: '', savedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-15T00:00:00.000Z', data: {} };
    await db.put('records', expired);
    await writeRecord({ subject: 'other', storage: 'device' }, 'draft', 'fresh', {}, { savedAt: now(), keepDays: 14 });
    // The next page that opens the database (a questionnaire in a frame) deletes it.
    await loadPage('/test/pages/subject.html');
    await waitUntil(async () => {
      const names = (await allRecords()).map((record) => record.name);
      return names.length === 1 && names[0] === 'fresh';
    }, 'the expired record was not deleted');
  });

  it('binds a sealed record to its person and name: moved elsewhere it no longer opens', async () => {
    const key = await keyFrom(1);
    await writeRecord({ subject: 'a', storage: 'device', key }, 'draft', 'phq-9@1', { answers: { q: 3 } }, { savedAt: now(), keepDays: 14 });
    const [sealed] = await allRecords();
    await (await openDatabase()).put('records', { ...sealed!, subject: 'b' });
    const asB = await readRecords({ subject: 'b', storage: 'device', key }, 'draft', 'phq-9@1', true);
    expect(asB).to.deep.equal({ records: [], locked: 1 });
    const asA = await readRecords<{ answers: unknown }>({ subject: 'a', storage: 'device', key }, 'draft', 'phq-9@1', true);
    expect(asA.records[0]!.data.answers).to.deep.equal({ q: 3 });
  });

  it('keeps records sealed with different keys apart, and reads a plain one of the same person with a key', async () => {
    const plain: Vault = { subject: 'a', storage: 'device' };
    await writeRecord(plain, 'progress', 'm@1', { pageId: 'one' }, { savedAt: '2026-12-01T10:00:00.000Z', keepDays: 90 });
    const first: Vault = { ...plain, key: await keyFrom(1) };
    expect((await readRecords<{ pageId: string }>(first, 'progress', 'm@1', true)).records[0]!.data.pageId, 'the plain record, read with a key').to.equal('one');
    await writeRecord(first, 'progress', 'm@1', { pageId: 'two' }, { savedAt: '2026-12-01T11:00:00.000Z', keepDays: 90 });
    expect((await allRecords()).map((record) => record.lock === ''), 'the sealed write replaced the plain record').to.deep.equal([false]);
    const second: Vault = { ...plain, key: await keyFrom(2) };
    await writeRecord(second, 'progress', 'm@1', { pageId: 'three' }, { savedAt: '2026-12-01T12:00:00.000Z', keepDays: 90 });
    expect(await allRecords(), 'one record per key').to.have.length(2);
    expect((await readRecords<{ pageId: string }>(first, 'progress', 'm@1', true)).records.map((r) => r.data.pageId)).to.deep.equal(['two']);
    expect((await readRecords(second, 'progress', 'm@1', true)).locked).to.equal(1);
    await removeRecords(second, 'progress', 'm@1');
    expect(await allRecords(), 'removing a name removes it under every key').to.deep.equal([]);
  });

  it('never replaces a record with one saved earlier', async () => {
    const vault: Vault = { subject: 'a', storage: 'device' };
    expect(await writeRecord(vault, 'draft', 'k', { n: 2 }, { savedAt: '2026-12-01T10:00:02.000Z', keepDays: 14 })).to.equal(true);
    expect(await writeRecord(vault, 'draft', 'k', { n: 1 }, { savedAt: '2026-12-01T10:00:01.000Z', keepDays: 14 })).to.equal(false);
    expect((await readRecords<{ n: number }>(vault, 'draft', 'k', true, new Date('2026-12-02T00:00:00Z'))).records[0]!.data.n).to.equal(2);
  });

  it('keeps session records in sessionStorage only, and memory records nowhere', async () => {
    const session: Vault = { subject: 'a', storage: 'session', key: await keyFrom(4) };
    await writeRecord(session, 'draft', 'k', { answers: { q: 1 } }, { savedAt: now(), keepDays: 14 });
    expect(Object.keys(sessionStorage)).to.deep.equal(['painpath:["a","draft","k","' + (JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)[0]!)!) as StoredRecord).lock + '"]']);
    expect(sessionStorage.getItem(Object.keys(sessionStorage)[0]!)).to.not.contain('answers');
    expect((await readRecords<{ answers: unknown }>(session, 'draft', 'k', true)).records[0]!.data.answers).to.deep.equal({ q: 1 });
    expect(await writeRecord({ subject: 'a', storage: 'memory' }, 'draft', 'k', {}, { savedAt: now(), keepDays: 14 })).to.equal(false);
    expect((await indexedDB.databases()).some((database) => database.name === 'painpath')).to.equal(false);
  });
});

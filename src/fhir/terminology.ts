import { RETENTION_DAYS } from '../store/database.js';
import { writeRecord } from '../store/record-writes.js';
import { readRecords, type StorageMode, type Vault } from '../store/records.js';

/**
 * Value sets from the host's terminology server: each is expanded there (`ValueSet/$expand`) and
 * the expansion kept on the device, so that a form still shows when the server cannot be reached
 * (a kiosk offline). Only the host's server is asked: a form's own preferred server would let
 * any form make the browser contact any server.
 */

/** What came of expanding value sets: the ValueSets by url, and why each of the others is unavailable. */
export interface Expansions {
  readonly valueSets: Readonly<Record<string, unknown>>;
  readonly unavailable: Readonly<Record<string, string>>;
}

/** How long a server may take to expand one value set before the kept copy is used. */
const EXPAND_TIMEOUT_MS = 10_000;

/** Expansions are public terminology, nobody's health data: kept for no person, unsealed. */
const vaultFor = (storage: StorageMode): Vault => ({ subject: '', storage });

/** `url|version` as the $expand parameters. */
function expandUrl(base: string, canonical: string): URL {
  const [url, version] = canonical.split('|');
  // A base relative to the page is read against it.
  const request = new URL(`${base.replace(/\/+$/, '')}/ValueSet/$expand`, location.href);
  request.searchParams.set('url', url!);
  if (version) request.searchParams.set('valueSetVersion', version);
  return request;
}

async function fetchExpansion(base: string, canonical: string): Promise<unknown> {
  const response = await fetch(expandUrl(base, canonical), { headers: { Accept: 'application/fhir+json' }, signal: AbortSignal.timeout(EXPAND_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`the server answered HTTP ${response.status}`);
  const valueSet = (await response.json()) as { resourceType?: unknown; expansion?: unknown };
  if (valueSet.resourceType !== 'ValueSet' || typeof valueSet.expansion !== 'object') throw new Error('the server answered without a ValueSet expansion');
  return valueSet;
}

/**
 * Expands each value set at `base` (a FHIR base URL), keeping the expansion where the element
 * keeps its records; a value set the server cannot expand now comes from the copy kept, if any.
 */
export async function expandValueSets(base: string, canonicals: readonly string[], storage: StorageMode): Promise<Expansions> {
  const vault = vaultFor(storage);
  const outcomes = await Promise.all(
    canonicals.map(async (canonical): Promise<[string, unknown, string?]> => {
      try {
        const valueSet = await fetchExpansion(base, canonical);
        // A copy that cannot be kept costs only the next offline start.
        await writeRecord(vault, 'expansion', canonical, valueSet, { savedAt: new Date().toISOString(), keepDays: RETENTION_DAYS.expansion }).catch(() => false);
        return [canonical, valueSet];
      } catch (error) {
        const kept = await readRecords<unknown>(vault, 'expansion', canonical, true).catch(() => undefined);
        const copy = kept?.records.at(-1)?.data;
        const reason = error instanceof Error ? error.message : String(error);
        return copy === undefined ? [canonical, undefined, reason] : [canonical, copy];
      }
    }),
  );
  return {
    valueSets: Object.fromEntries(outcomes.filter(([, valueSet]) => valueSet !== undefined)),
    unavailable: Object.fromEntries(outcomes.flatMap(([canonical, , reason]) => (reason === undefined ? [] : [[canonical, reason]]))),
  };
}

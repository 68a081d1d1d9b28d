/**
 * Where the demo municipality publishes Painpath's instruments as FHIR Questionnaires: their
 * canonical URLs are `{CANONICAL_BASE}/Questionnaire/{id}`, on the FHIR server `npm start` runs
 * beside the demo (scripts/fhir-server.mjs), which the pages reach at FHIR_BASE.
 */
export const CANONICAL_BASE = 'https://northbay.example/fhir';

export const FHIR_BASE = '/fhir/R4';

import type { MemoryRepository } from '@medplum/fhir-router';

export declare const FHIR_PATH: string;

export interface FhirServer {
  /** The server's base URL, e.g. http://127.0.0.1:8103/fhir/R4. */
  readonly base: string;
  readonly origin: string;
  readonly repository: MemoryRepository;
  close(): Promise<void>;
}

export declare function startFhirServer(options?: { port?: number; repository?: MemoryRepository }): Promise<FhirServer>;

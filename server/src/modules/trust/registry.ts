import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a business registry says about a unified social credit code. */
export interface RegistryRecord {
  uscc: string;
  name: string;
  legalRepresentative: string;
  status: 'active' | 'deregistered' | 'revoked';
  establishedOn: string;
  registeredCapital: string;
  address: string;
}

/** Where registrations are confirmed. The sample registry ships with the demo; a deployment plugs in a commercial one. */
export interface RegistryProvider {
  readonly name: string;
  /** null: the registry has no such code. Throws when the registry cannot be asked. */
  lookup(uscc: string): Promise<RegistryRecord | null>;
}

export const SAMPLE_REGISTRY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/sample-registry.json');

export class SampleRegistryProvider implements RegistryProvider {
  readonly name = 'sample';
  private records: Map<string, RegistryRecord> | undefined;

  constructor(private readonly file = SAMPLE_REGISTRY_FILE) {}

  lookup(uscc: string): Promise<RegistryRecord | null> {
    this.records ??= new Map((JSON.parse(fs.readFileSync(this.file, 'utf8')) as RegistryRecord[]).map((r) => [r.uscc, r]));
    return Promise.resolve(this.records.get(uscc) ?? null);
  }
}

export class RegistryUnavailableError extends Error {}

/** A registry behind HTTP: GET {url}/companies/{uscc} with a bearer key; 404 means not found. */
export class HttpRegistryProvider implements RegistryProvider {
  readonly name = 'http';

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly timeoutMs = 5000,
  ) {}

  async lookup(uscc: string): Promise<RegistryRecord | null> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl.replace(/\/$/, '')}/companies/${encodeURIComponent(uscc)}`, {
        headers: { authorization: `Bearer ${this.apiKey}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new RegistryUnavailableError(`registry unreachable: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (res.status === 404) return null;
    if (!res.ok) throw new RegistryUnavailableError(`registry answered ${res.status}`);
    const body = (await res.json()) as Partial<RegistryRecord>;
    if (typeof body.name !== 'string' || typeof body.uscc !== 'string') throw new RegistryUnavailableError('registry answer lacks name or uscc');
    return {
      uscc: body.uscc, name: body.name, legalRepresentative: body.legalRepresentative ?? '', status: body.status ?? 'active',
      establishedOn: body.establishedOn ?? '', registeredCapital: body.registeredCapital ?? '', address: body.address ?? '',
    };
  }
}

export type Mismatch = 'not_found' | 'name' | 'legal_representative' | 'established_on' | 'deregistered' | 'revoked';

const normalize = (s: string) => s.replace(/[\s()()]/g, '').toLowerCase();

/** Where the submission and the registry disagree: what the operator must look at. */
export function compareWithRegistry(
  submitted: { legalName: string; legalRepresentative: string; establishedOn: string },
  record: RegistryRecord | null,
): Mismatch[] {
  if (!record) return ['not_found'];
  const out: Mismatch[] = [];
  if (normalize(record.name) !== normalize(submitted.legalName)) out.push('name');
  if (normalize(record.legalRepresentative) !== normalize(submitted.legalRepresentative)) out.push('legal_representative');
  if (record.establishedOn && record.establishedOn !== submitted.establishedOn) out.push('established_on');
  if (record.status === 'deregistered') out.push('deregistered');
  if (record.status === 'revoked') out.push('revoked');
  return out;
}

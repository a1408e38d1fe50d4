import { DomainError, PlatformErrors } from '../../platform/errors.js';
import { sha256Hex, uuidv7 } from '../../platform/ids.js';
import type { Platform } from '../../platform/platform.js';
import { sniffContentType, type SniffedType } from '../../platform/storage.js';
import * as store from './store.js';
import type { RequestContext } from '../../platform/context.js';
import { can } from '../../platform/policy.js';

export type FilePurpose = 'company_logo' | 'business_license' | 'attachment';

/** Which files anyone may download. */
const PUBLIC_PURPOSES: ReadonlySet<string> = new Set<FilePurpose>(['company_logo']);

export interface StoredFile {
  id: string;
  contentType: SniffedType;
  byteSize: number;
  url: string;
}

export class FilesService {
  constructor(private readonly platform: Platform) {}

  /** Checks size and the real type (from the bytes), writes the bytes, then records the file. */
  async store(input: { bytes: Buffer; purpose: FilePurpose; allowed: SniffedType[]; maxBytes: number; ownerCompanyId: string | null; uploadedBy: string | null }): Promise<StoredFile> {
    if (input.bytes.length === 0) throw new DomainError(PlatformErrors.FILE_MISSING);
    if (input.bytes.length > input.maxBytes) throw new DomainError(PlatformErrors.FILE_TOO_LARGE, { limit: `${Math.round(input.maxBytes / 1024)} KB` });
    const type = sniffContentType(input.bytes);
    if (!type || !input.allowed.includes(type)) {
      throw new DomainError(PlatformErrors.FILE_TYPE_NOT_ALLOWED, { allowed: input.allowed.map((t) => t.split('/')[1]!.toUpperCase()).join(', ') });
    }
    const id = uuidv7();
    const key = `${input.purpose}/${id.slice(0, 8)}/${id}`;
    await this.platform.storage.put(key, input.bytes);
    await store.insertFile(this.platform.database.db, {
      id, owner_company_id: input.ownerCompanyId, uploaded_by: input.uploadedBy, purpose: input.purpose, content_type: type,
      byte_size: input.bytes.length, sha256: sha256Hex(input.bytes), storage_key: key,
    });
    return { id, contentType: type, byteSize: input.bytes.length, url: `/api/v1/files/${id}` };
  }

  async metadata(id: string): Promise<{ id: string; ownerCompanyId: string | null; purpose: string; contentType: string; byteSize: number } | null> {
    const row = await store.findFile(this.platform.database.db, id);
    return row ? { id: row.id, ownerCompanyId: row.owner_company_id, purpose: row.purpose, contentType: row.content_type, byteSize: row.byte_size } : null;
  }

  /** Public purposes (logos) for anyone; everything else for members of the owning company and operators. */
  async read(ctx: RequestContext, id: string): Promise<{ bytes: Buffer; contentType: string; sha256: string; isPublic: boolean } | null> {
    const row = await store.findFile(this.platform.database.db, id);
    if (!row) return null;
    if (!PUBLIC_PURPOSES.has(row.purpose) && !(row.owner_company_id && can(ctx.actor, 'company.files.read', row.owner_company_id))) return null;
    const bytes = await this.platform.storage.get(row.storage_key);
    return bytes ? { bytes, contentType: row.content_type, sha256: row.sha256, isPublic: PUBLIC_PURPOSES.has(row.purpose) } : null;
  }
}

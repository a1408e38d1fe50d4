import { DomainError, PlatformErrors } from '../../platform/errors.js';
import { sha256Hex, uuidv7 } from '../../platform/ids.js';
import type { Platform } from '../../platform/platform.js';
import { sniffContentType, type SniffedType } from '../../platform/storage.js';
import * as store from './store.js';
import type { RequestContext } from '../../platform/context.js';
import { can } from '../../platform/policy.js';
import { FileErrors } from './errors.js';
import { makeThumbnails, THUMBNAIL_SIZES, UnreadableImageError, type Rendition, type ThumbnailSize } from './images.js';

export type FilePurpose = 'company_logo' | 'business_license' | 'attachment' | 'product_image';

/** Which files anyone may download. */
const PUBLIC_PURPOSES: ReadonlySet<string> = new Set<FilePurpose>(['company_logo', 'product_image']);

/** Purposes whose uploads get thumbnails. */
const THUMBNAILED_PURPOSES: ReadonlySet<string> = new Set<FilePurpose>(['product_image']);

export type ThumbnailUrls = Record<`${ThumbnailSize}`, string>;

export interface StoredFile {
  id: string;
  contentType: SniffedType;
  byteSize: number;
  url: string;
  /** Product images only: WebP renditions by longest side. */
  thumbnails?: ThumbnailUrls;
}

/** The addresses of an image and its thumbnails (they exist for every product image). */
export function imageUrls(fileId: string): { url: string; thumbnails: ThumbnailUrls } {
  const url = `/api/v1/files/${fileId}`;
  return { url, thumbnails: { 160: `${url}?size=160`, 400: `${url}?size=400`, 800: `${url}?size=800` } };
}

export interface ReadFile {
  bytes: Buffer;
  contentType: string;
  sha256: string;
  isPublic: boolean;
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
    // Thumbnails first: an image that does not decode is refused before anything is written.
    const renditions = THUMBNAILED_PURPOSES.has(input.purpose) ? await this.thumbnails(input.bytes) : [];
    const id = uuidv7();
    const key = `${input.purpose}/${id.slice(0, 8)}/${id}`;
    await this.platform.storage.put(key, input.bytes);
    const thumbRows: store.ThumbnailRow[] = [];
    for (const r of renditions) {
      const thumbKey = `${key}.w${r.size}.webp`;
      await this.platform.storage.put(thumbKey, r.bytes);
      thumbRows.push({ file_id: id, size: r.size, content_type: 'image/webp', width: r.width, height: r.height, byte_size: r.bytes.length, sha256: sha256Hex(r.bytes), storage_key: thumbKey });
    }
    await this.platform.database.transaction(async (trx) => {
      await store.insertFile(trx, {
        id, owner_company_id: input.ownerCompanyId, uploaded_by: input.uploadedBy, purpose: input.purpose, content_type: type,
        byte_size: input.bytes.length, sha256: sha256Hex(input.bytes), storage_key: key,
      });
      await store.insertThumbnails(trx, thumbRows);
    });
    const urls = imageUrls(id);
    return { id, contentType: type, byteSize: input.bytes.length, url: urls.url, ...(renditions.length ? { thumbnails: urls.thumbnails } : {}) };
  }

  private async thumbnails(bytes: Buffer): Promise<Rendition[]> {
    try {
      return await makeThumbnails(bytes);
    } catch (err) {
      if (err instanceof UnreadableImageError) throw new DomainError(FileErrors.IMAGE_UNREADABLE);
      throw err;
    }
  }

  async metadata(id: string): Promise<{ id: string; ownerCompanyId: string | null; purpose: string; contentType: string; byteSize: number } | null> {
    const row = await store.findFile(this.platform.database.db, id);
    return row ? { id: row.id, ownerCompanyId: row.owner_company_id, purpose: row.purpose, contentType: row.content_type, byteSize: row.byte_size } : null;
  }

  /**
   * Public purposes (logos, product images) for anyone; everything else for members of the owning company and
   * operators. With a size, the thumbnail of that size (null when the file has none).
   */
  async read(ctx: RequestContext, id: string, size?: ThumbnailSize): Promise<ReadFile | null> {
    const row = await store.findFile(this.platform.database.db, id);
    if (!row) return null;
    const isPublic = PUBLIC_PURPOSES.has(row.purpose);
    if (!isPublic && !(row.owner_company_id && can(ctx.actor, 'company.files.read', row.owner_company_id))) return null;
    if (size === undefined) {
      const bytes = await this.platform.storage.get(row.storage_key);
      return bytes ? { bytes, contentType: row.content_type, sha256: row.sha256, isPublic } : null;
    }
    const thumb = await store.findThumbnail(this.platform.database.db, id, size);
    if (!thumb) return null;
    const bytes = await this.platform.storage.get(thumb.storage_key);
    return bytes ? { bytes, contentType: thumb.content_type, sha256: thumb.sha256, isPublic } : null;
  }

  /**
   * A private file shown to the other side of a conversation it was attached to (an inquiry, an RFQ, a quote, a chat):
   * the module that owns the attachment has checked that the reader is a party and that the file is attached there,
   * so the owner-only rule of read() does not apply.
   */
  async readAttached(id: string): Promise<ReadFile | null> {
    const row = await store.findFile(this.platform.database.db, id);
    if (!row) return null;
    const bytes = await this.platform.storage.get(row.storage_key);
    return bytes ? { bytes, contentType: row.content_type, sha256: row.sha256, isPublic: PUBLIC_PURPOSES.has(row.purpose) } : null;
  }
}

export { THUMBNAIL_SIZES };
export type { ThumbnailSize };

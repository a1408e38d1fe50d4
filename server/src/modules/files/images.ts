/** Longest side in pixels of each thumbnail rendition. */
export const THUMBNAIL_SIZES = [160, 400, 800] as const;
export type ThumbnailSize = (typeof THUMBNAIL_SIZES)[number];

export interface Rendition {
  size: ThumbnailSize;
  bytes: Buffer;
  width: number;
  height: number;
}

// A 20-megapixel cap: enough for any phone photo, and a decompression bomb fails fast instead of eating memory.
const MAX_INPUT_PIXELS = 20_000_000;

/** Thrown when bytes that sniffed as an image do not decode as one. */
export class UnreadableImageError extends Error {}

/**
 * WebP renditions fitted inside a square of each size (never enlarged), with EXIF orientation applied and
 * metadata dropped, so a photo's GPS position never leaves the server.
 */
export async function makeThumbnails(bytes: Buffer): Promise<Rendition[]> {
  // Loaded on first use: libvips adds ~25 MB to the resident set of every process that imports it.
  const { default: sharp } = await import('sharp');
  try {
    // One pipeline per size rather than one decode: libvips shrinks JPEG and WebP while loading, which is cheaper
    // than holding a full-size raw bitmap (80 MB at the pixel cap).
    const source = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
    return await Promise.all(THUMBNAIL_SIZES.map(async (size) => {
      const out = await source.clone()
        .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: size <= 160 ? 75 : 80 })
        .toBuffer({ resolveWithObject: true });
      return { size, bytes: out.data, width: out.info.width, height: out.info.height };
    }));
  } catch (err) {
    throw new UnreadableImageError(err instanceof Error ? err.message : String(err));
  }
}

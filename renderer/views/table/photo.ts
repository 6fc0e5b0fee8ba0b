import { MAX_PHOTO_BASE64 } from '../../../shared/notes.js';

/** The longest side of a flip-chart photo after scaling, in pixels. */
export const PHOTO_MAX_SIDE = 1600;
const QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45, 0.35];
/** When even the lowest quality is too large at full size, try smaller sides before giving up. */
const SIDES = [PHOTO_MAX_SIDE, 1280, 1024];

export type ScaledPhoto = { ok: true; mime: 'image/jpeg'; data: string; width: number; height: number } | { ok: false; reason: 'tooLarge' | 'unreadable' };

/** The size a picture gets when its longest side is at most `maxSide`. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxSide || longest === 0) return { width, height };
  const scale = maxSide / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close(): void }> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
    } catch {
      // fall back to an <img>
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => URL.revokeObjectURL(url) };
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
}

/**
 * A photo scaled down on this laptop (longest side ≤ 1600 px) and encoded as JPEG, the quality
 * stepping down until its base64 fits the hub's limit. The flip chart stays readable; the queue
 * stays small.
 */
export async function scalePhoto(file: Blob, limit = MAX_PHOTO_BASE64): Promise<ScaledPhoto> {
  let image: Awaited<ReturnType<typeof decode>>;
  try {
    image = await decode(file);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  try {
    if (image.width === 0 || image.height === 0) return { ok: false, reason: 'unreadable' };
    for (const side of SIDES) {
      const size = fitWithin(image.width, image.height, side);
      const canvas = document.createElement('canvas');
      canvas.width = size.width;
      canvas.height = size.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return { ok: false, reason: 'unreadable' };
      // JPEG has no transparency: a white page behind a transparent PNG
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, size.width, size.height);
      ctx.drawImage(image.source, 0, 0, size.width, size.height);
      for (const quality of QUALITIES) {
        const url = canvas.toDataURL('image/jpeg', quality);
        const data = url.slice(url.indexOf(',') + 1);
        if (data.length <= limit) return { ok: true, mime: 'image/jpeg', data, ...size };
      }
    }
    return { ok: false, reason: 'tooLarge' };
  } finally {
    image.close();
  }
}

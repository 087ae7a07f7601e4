/**
 * The image type a file's first bytes prove (magic numbers), independent of its name: a file named `.png` that
 * is a key or a password file has no image signature and is never copied or served as a scan.
 */
const SIGNATURES: { mime: string; test: (b: Uint8Array) => boolean }[] = [
  {
    mime: 'image/png',
    test: (b) => b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  },
  { mime: 'image/jpeg', test: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', test: (b) => b.length >= 6 && /^GIF8[79]a$/.test(String.fromCharCode(...b.subarray(0, 6))) },
  {
    mime: 'image/tiff',
    test: (b) =>
      b.length >= 4 &&
      ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) ||
        (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)),
  },
  {
    mime: 'image/webp',
    test: (b) =>
      b.length >= 12 &&
      String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
      String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
  },
  {
    mime: 'image/jp2',
    test: (b) =>
      b.length >= 12 && [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a].every((v, i) => b[i] === v),
  },
];

/** Bytes needed to tell every type above apart. */
export const MAGIC_BYTES = 16;

/** The MIME type the signature proves, or undefined when the bytes are no image Galley knows. */
export function imageMimeOf(head: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => s.test(head))?.mime;
}

const EXT_MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  webp: 'image/webp',
  jp2: 'image/jp2',
};
const MIME_EXT: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/tiff': 'tif',
  'image/webp': 'webp',
  'image/jp2': 'jp2',
};

/** The file extension to write an image of this type under. */
export function extensionOf(mime: string): string {
  return MIME_EXT[mime] ?? 'bin';
}

/**
 * Why the bytes do not match the declared type, or null when they do. The declared type is the page's `mime`
 * and the extension of the name; at least one must be given and every one given must equal what the bytes prove.
 */
export function imageTypeProblem(head: Uint8Array, name: string, declaredMime?: string): string | null {
  const actual = imageMimeOf(head);
  if (!actual) return 'it is not an image (no PNG, JPEG, TIFF, GIF, WebP or JPEG 2000 signature)';
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const byName = ext ? EXT_MIME[ext] : undefined;
  if (!declaredMime && !byName) return `its name${ext ? ` (.${ext})` : ''} declares no image type`;
  if (declaredMime && declaredMime !== actual) return `it is declared ${declaredMime} but its bytes are ${actual}`;
  if (byName && byName !== actual) return `it is named .${ext} but its bytes are ${actual}`;
  return null;
}

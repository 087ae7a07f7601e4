import { DecodeError, firstBadUtf8 } from '../text/encoding';

/**
 * The bytes of an XML or hOCR file → its text, as the file itself declares: a BOM (UTF-8, UTF-16), a BOM-less
 * UTF-16 start (`<` next to a zero byte), the `encoding` of the XML declaration, else UTF-8. Decoding is strict:
 * a damaged byte is refused with its offset, never read as U+FFFD (which would enter a page original).
 * @throws DecodeError
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xfe) return strict('utf-16le', b, 'UTF-16LE');
  if (b[0] === 0xfe && b[1] === 0xff) return strict('utf-16be', b, 'UTF-16BE');
  if (b[0] === 0x3c && b[1] === 0 && b[2] !== 0) return strict('utf-16le', b, 'UTF-16LE');
  if (b[0] === 0 && b[1] === 0x3c) return strict('utf-16be', b, 'UTF-16BE');
  const head = new TextDecoder('latin1').decode(
    b.subarray(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0, 200),
  );
  const declared = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head)?.[1];
  const label = declared && !/^utf-?8$/i.test(declared) ? declared : 'utf-8';
  if (label.toLowerCase() === 'utf-8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      throw new DecodeError(
        `the file is not valid UTF-8 (the first damaged byte is near byte ${firstBadUtf8(b)}); repair or re-export it as UTF-8`,
      );
    }
  }
  // A declaration saying UTF-16 on a file without zero bytes is wrong; read what the bytes are.
  if (/^utf-?16/i.test(label)) return strict('utf-8', b, 'UTF-8');
  return strict(label, b, declared!);
}

function strict(label: string, b: Uint8Array, shown: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new DecodeError(
      `the file declares the encoding "${shown.slice(0, 40)}", which Galley cannot read; convert it to UTF-8`,
    );
  }
  try {
    return decoder.decode(b);
  } catch {
    throw new DecodeError(
      `the file is not valid ${shown} text (its bytes do not fit the encoding it declares); repair or re-export it as UTF-8`,
    );
  }
}

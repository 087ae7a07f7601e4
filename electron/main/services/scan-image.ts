import path from 'node:path';
import { HostError } from '../../../shared/ipc/contract';
import { displayableImage, imageDataUrl, imageInfo } from '../../../shared/import/image';
import { InputError, readInputFile } from './read-input';

/** Largest scan sent to the renderer as a data URL (the web host's response and IPC carry it in one piece). */
export const MAX_SCAN_BYTES = 64 * 1024 * 1024;

/**
 * The bytes of a page scan that an issue references by path (`page.image.src`, relative to the issue file as
 * layout imports write it, or absolute for scans too large to embed), as a data URL the renderer can show under
 * its CSP (img-src data:). Only files whose content is a displayable image are read out: an issue file cannot
 * make the host hand arbitrary files to the renderer.
 */
export async function readScanImage(issueFile: string, src: string): Promise<string> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^[a-z]:[\\/]/i.test(src)) {
    throw new HostError('the scan is not a file path (embedded or remote images are not read by the host)', 'refused');
  }
  const file = path.resolve(path.dirname(issueFile), src);
  let bytes: Uint8Array;
  try {
    // A regular file only, bounded while read (a FIFO or a device named by an issue must not hang or fill memory).
    bytes = new Uint8Array(await readInputFile(file, { maxBytes: MAX_SCAN_BYTES, what: 'a scan to show', tooLargeHint: 'convert it to a smaller PNG or JPEG' }));
  } catch (e) {
    throw e instanceof InputError && e.code !== 'not-found' ? new HostError(`the scan ${e.message}`, 'refused') : e;
  }
  const info = imageInfo(bytes);
  if (!info || !displayableImage(info.mime)) throw new HostError(`${path.basename(file)} is not an image the scan view can show`, 'refused');
  return imageDataUrl(bytes, info.mime);
}

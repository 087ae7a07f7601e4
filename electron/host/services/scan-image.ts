import path from 'node:path';
import { HostError } from '../../../shared/ipc/contract';
import { displayableImage, imageDataUrl, imageInfo } from '../../../shared/import/image';
import { containPath, openContained } from '../security/containment';

/** Largest scan sent to the renderer as a data URL (the web host's response and IPC carry it in one piece). */
export const MAX_SCAN_BYTES = 64 * 1024 * 1024;

/**
 * The bytes of a page scan that an issue references by path (`page.image.src`, relative to the issue file as
 * layout imports write it, or absolute for scans too large to embed), as a data URL the renderer can show under
 * its CSP (img-src data:). The path is untrusted (an issue file can come from anyone): it must lie inside
 * `roots` (the issue's folder and the folders pages were imported from in this session) after realpath, be a
 * regular file with a single link, and its content a displayable image. Anything else is refused, unread.
 */
export async function readScanImage(
  issueFile: string,
  src: string,
  roots: readonly string[] = [path.dirname(issueFile)],
): Promise<string> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^[a-z]:[\\/]/i.test(src)) {
    throw new HostError('the scan is not a file path (embedded or remote images are not read by the host)', 'refused');
  }
  const what = 'the scan';
  const real = await containPath(src, path.dirname(issueFile), roots, {
    what,
    where: "the issue's folder (or a folder its pages were imported from)",
    mustExist: true,
    refuseHardLinks: true,
  });
  const fh = await openContained(real, what, true).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EISDIR') throw new HostError(`the scan ${path.basename(real)} is not a file`, 'refused');
    throw e;
  });
  try {
    const stat = await fh.stat();
    if (stat.size > MAX_SCAN_BYTES)
      throw new HostError(
        `the scan ${path.basename(real)} is too large to show (${Math.round(stat.size / 1048576)} MB)`,
        'refused',
      );
    const bytes = new Uint8Array(await fh.readFile());
    const info = imageInfo(bytes);
    if (!info || !displayableImage(info.mime))
      throw new HostError(`${path.basename(real)} is not an image the scan view can show`, 'refused');
    return imageDataUrl(bytes, info.mime);
  } finally {
    await fh.close();
  }
}

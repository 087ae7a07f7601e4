/**
 * The text of a file chosen in an `<input type=file>`, as UTF-8. `Blob.text()` where the platform has it,
 * else a FileReader (older engines and jsdom).
 */
export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ''));
    r.onerror = () => reject(r.error ?? new Error('the file could not be read'));
    r.readAsText(file, 'utf-8');
  });
}

/**
 * This window's session id: random per page load, sent with opens, saves and heartbeats so that the host can
 * tell two windows (or tabs) on the same issue apart (issue locks, recovery files in use).
 */
function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const PAGE_SESSION = randomId();

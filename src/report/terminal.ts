/** Text for a terminal from untrusted sources (paths, messages quoting the scanned repository). */

/** Keep control characters from the scanned repository out of the terminal. */
export function safeTerminal(s: string): string {
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f\x9b]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

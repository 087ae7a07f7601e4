/**
 * Corpus split shared by the model builder and the benchmark: every fifth fold file (in name order) is kept out
 * of the character model and used only to make practice pages, so the dev set never tests on training text.
 */
export function isDevFile(name: string, sortedNames: string[]): boolean {
  return sortedNames.indexOf(name) % 5 === 2;
}

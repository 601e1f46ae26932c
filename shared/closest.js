// "Did you mean …": the known names closest to one that is not known, for a
// mistyped partner id, option or command. Node's tools, the Eleventy plugin
// and the embed builder all offer the same.

/**
 * Letters to change, add or take away to turn `a` into `b`.
 * @param {string} a @param {string} b @returns {number}
 */
export function distance(a, b) {
  let row = Array.from({length: b.length + 1}, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * Up to `most` of `known` within a few letters of `asked` (2, or a third of
 * its length when longer), closest first.
 * @param {string} asked @param {Iterable<string>} known @returns {string[]}
 */
export function closest(asked, known, most = 3) {
  const within = Math.max(2, Math.floor(asked.length / 3));
  return [...known]
    .map((name) => ({name, score: distance(asked, name)}))
    .filter(({score}) => score <= within)
    .sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1))
    .slice(0, most)
    .map(({name}) => name);
}

/**
 * ` (did you mean "a", "b" or "c"?)`, or '' when nothing is close.
 * @param {string} asked @param {Iterable<string>} known
 */
export function didYouMean(asked, known, quote = (/** @type {string} */ name) => `"${name}"`) {
  const names = closest(asked, known).map(quote);
  if (!names.length) return '';
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
  return ` (did you mean ${list}?)`;
}

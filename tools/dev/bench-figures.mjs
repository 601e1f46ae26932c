// How the benchmark's rows state their figures, shared by its pages and engines.

/** The middle of `xs` (the upper one of an even count): one slow run of a few does not move it. */
export const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const ms = (/** @type {number} */ n) => `${n.toFixed(1)} ms`;

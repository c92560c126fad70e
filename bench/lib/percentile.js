'use strict';

/** The p-th percentile (nearest rank) of values sorted ascending. */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

module.exports = { percentile };

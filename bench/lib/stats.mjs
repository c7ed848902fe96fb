// Summaries of timing samples: the median is what the report compares with a goal; p90 shows the spread.
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    runs: sorted.length,
    median: round(at(0.5)),
    p90: round(at(0.9)),
    min: round(sorted[0]),
    max: round(sorted.at(-1)),
  };
}

export const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

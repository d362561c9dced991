/**
 * Closed integer intervals kept sorted, disjoint and merged. Port sets and IPv4 ranges are both
 * built on these, so set algebra is written (and tested) once.
 */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

export type IntervalList = readonly Interval[];

/** Sorts and merges overlapping or touching intervals; drops empty ones (start > end). */
export function normalizeIntervals(intervals: Iterable<Interval>): IntervalList {
  const sorted = [...intervals].filter((i) => i.start <= i.end).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && next.start <= last.end + 1) {
      if (next.end > last.end) merged[merged.length - 1] = { start: last.start, end: next.end };
    } else {
      merged.push(next);
    }
  }
  return merged;
}

export function unionIntervals(a: IntervalList, b: IntervalList): IntervalList {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return normalizeIntervals([...a, ...b]);
}

/** Both inputs must be normalized; a linear merge keeps large lists cheap. */
export function intersectIntervals(a: IntervalList, b: IntervalList): IntervalList {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (start <= end) result.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return result;
}

/** Both inputs must be normalized. */
export function subtractIntervals(a: IntervalList, b: IntervalList): IntervalList {
  const result: Interval[] = [];
  let j = 0;
  for (const interval of a) {
    let start = interval.start;
    while (j < b.length && b[j].end < start) j++;
    let k = j;
    while (k < b.length && b[k].start <= interval.end) {
      if (b[k].start > start) result.push({ start, end: b[k].start - 1 });
      start = Math.max(start, b[k].end + 1);
      k++;
    }
    if (start <= interval.end) result.push({ start, end: interval.end });
  }
  return result;
}

export function intervalsEqual(a: IntervalList, b: IntervalList): boolean {
  return a.length === b.length && a.every((x, i) => x.start === b[i].start && x.end === b[i].end);
}

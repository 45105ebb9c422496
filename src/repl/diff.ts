// A compact diff of two definitions: one line per added, changed or removed field, by field path. Lists are
// matched item by item (longest common subsequence), so adding a package shows one added item.
import type { Json } from '../env/fields.js';
import { isJsonRecord } from '../env/json.js';
import { childPath, isRecord } from '../env/path.js';

export interface Change {
  op: 'added' | 'changed' | 'removed';
  path: string;
  before?: Json;
  after?: Json;
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);
const container = (v: Json | undefined) => Array.isArray(v) || isRecord(v);

export function diffJson(before: Json | undefined, after: Json | undefined, path = ''): Change[] {
  if (same(before, after)) return [];
  if (before === undefined) return [{ op: 'added', path, after }];
  if (after === undefined) return [{ op: 'removed', path, before }];
  if (isJsonRecord(before) && isJsonRecord(after)) {
    const out: Change[] = [];
    const b = before;
    const a = after;
    for (const key of Object.keys(b))
      out.push(...diffJson(b[key], Object.hasOwn(a, key) ? a[key] : undefined, childPath(path, key)));
    for (const key of Object.keys(a))
      if (!Object.hasOwn(b, key)) out.push(...diffJson(undefined, a[key], childPath(path, key)));
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) return diffLists(before, after, path);
  return [{ op: 'changed', path, before, after }];
}

function diffLists(before: Json[], after: Json[], path: string): Change[] {
  const keyA = before.map((x) => JSON.stringify(x));
  const keyB = after.map((x) => JSON.stringify(x));
  // LCS table over the two lists (definitions are short).
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = keyA[i] === keyB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: Change[] = [];
  let i = 0;
  let j = 0;
  const removed: number[] = [];
  const added: number[] = [];
  const flush = () => {
    // Items removed and added at the same place are paired: a changed value, or (lists and objects) what changed inside.
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < pairs; k++) {
      const b = before[removed[k]];
      const a = after[added[k]];
      if (container(b) && container(a)) out.push(...diffJson(b, a, childPath(path, added[k])));
      else out.push({ op: 'changed', path: childPath(path, added[k]), before: b, after: a });
    }
    for (const r of removed.slice(pairs)) out.push({ op: 'removed', path: childPath(path, r), before: before[r] });
    for (const a of added.slice(pairs)) out.push({ op: 'added', path: childPath(path, a), after: after[a] });
    removed.length = 0;
    added.length = 0;
  };
  while (i < n || j < m) {
    if (i < n && j < m && keyA[i] === keyB[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) added.push(j++);
    else removed.push(i++);
  }
  flush();
  return out;
}

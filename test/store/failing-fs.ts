// A StoreFs that fails chosen operations with a real errno code: the tests run as root, where chmod 000 and
// read-only folders do not stop anything, so permissions are simulated at the one layer the store uses.
import { nodeFs, type StoreFs } from '../../src/store/fs-layer.js';

export type Op = keyof StoreFs;

export function failingFs(
  rules: Array<{ op: Op | '*write'; path: RegExp; code: string }>,
): StoreFs & { calls: string[] } {
  const writes: Op[] = ['writeFile', 'createExclusive', 'rename', 'link', 'unlink', 'mkdir', 'chmod'];
  const calls: string[] = [];
  const wrap = <K extends Op>(op: K): StoreFs[K] =>
    ((...args: unknown[]) => {
      const path = String(args[0]);
      calls.push(`${op} ${path}`);
      const rule = rules.find((r) => (r.op === op || (r.op === '*write' && writes.includes(op))) && r.path.test(path));
      if (rule) throw Object.assign(new Error(`${rule.code}: simulated, ${op} '${path}'`), { code: rule.code });
      return (nodeFs[op] as (...a: unknown[]) => unknown)(...args);
    }) as StoreFs[K];
  const fs = Object.fromEntries((Object.keys(nodeFs) as Op[]).map((op) => [op, wrap(op)])) as unknown as StoreFs;
  return Object.assign(fs, { calls });
}

import { loadCatalog } from '../content/catalog.js';
import { bold, dim, green, yellow } from '../util/color.js';
import { EXIT } from '../util/errors.js';
import type { Command } from './types.js';

const command: Command = {
  options: { json: { type: 'boolean' } },
  minPositionals: 0,
  maxPositionals: 0,
  async run({ values }) {
    const catalog = loadCatalog();
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ curated: catalog.curated, baseImages: catalog.baseImages }, null, 2)}\n`,
      );
      return EXIT.ok;
    }
    const status = (s: string) => (s === 'current' || s === 'supported' ? green(s) : yellow(s));
    const out = [bold('Curated environments') + dim(' (names are reserved: copy one, then rename the copy)')];
    const width = Math.max(...catalog.curated.map((c) => c.name.length));
    for (const c of catalog.curated) {
      const extra = [
        c.framework,
        c.python ? `python ${c.python}` : '',
        c.gpu ? 'GPU' : 'CPU',
        c.replacement ? `→ ${c.replacement}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      out.push(`  ${c.name.padEnd(width)}  ${status(c.status)}  ${dim(extra)}`);
    }
    out.push('', bold('Azure ML base images') + dim(' (mcr.microsoft.com/azureml/<name>:<tag>)'));
    const w2 = Math.max(...catalog.baseImages.map((b) => b.name.length));
    for (const b of catalog.baseImages) {
      const extra = [
        b.os,
        b.gpu ? 'GPU' : 'CPU',
        b.python !== 'unknown' ? `python ${b.python}` : '',
        b.replacement ? `→ ${b.replacement}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      out.push(`  ${b.name.padEnd(w2)}  ${status(b.status)}  ${dim(extra)}`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return EXIT.ok;
  },
};

export default command;

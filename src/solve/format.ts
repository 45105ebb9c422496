// Plain-text and JSON forms of a solve report.
import { relative } from 'node:path';
import type { Diagnostic } from '../env/types.js';
import { bold, cyan, dim, green, red, yellow } from '../util/color.js';
import { safeLine } from '../util/safe-text.js';
import type { SolveReport } from './solve-definition.js';

/** Control characters from input never reach the terminal as such. */
export const printable = safeLine;

export function seconds(ms: number): string {
  return ms < 100 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}

const shown = (file: string) => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
};

const ORIGIN = {
  file: 'named in the file',
  'file+defaults': 'named in the file, then defaults, which conda adds unless the file lists nodefaults',
  option: 'from --channel',
  'azureml-default': "none named in the file, so the defaults Azure ML's conda uses",
} as const;
const STYLE = { error: red, warning: yellow, info: cyan } as const;

export function formatDiagnostic(d: Diagnostic, path: string): string {
  const where = `${d.file ? shown(d.file) : path}${d.line !== undefined ? `:${d.line}:${d.column}` : ''}`;
  return [
    `  ${STYLE[d.severity](d.severity.padEnd(7))} ${where}: ${printable(d.message)} ${dim(`[${d.rule}]`)}`,
    `          ${dim('fix:')} ${printable(d.hint)}`,
  ].join('\n');
}

export function packageTable(report: SolveReport): string[] {
  const rows = report.records.map((r) => [r.name, r.version, r.build, r.channel]);
  const head = ['name', 'version', 'build', 'channel'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ')}`;
  return [bold(line(head)), ...rows.map((r) => line(r.map(printable)))];
}

export function formatReport(report: SolveReport): string {
  const path = printable(report.path);
  const platforms = report.subdirs.join(' + ');
  const lines: string[] = [];
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  if (report.solved) {
    lines.push(
      `${bold(path)} ${dim(`(${report.format})`)}: ${green('solved')} for ${platforms} in ${seconds(report.ms.total)} ${dim(`(solver ${seconds(report.ms.solver)})`)}`,
    );
  } else {
    lines.push(
      `${bold(path)} ${dim(`(${report.format})`)}: ${red('cannot be solved')} for ${platforms} ${dim(`(${seconds(report.ms.total)})`)}`,
    );
  }
  lines.push(
    `  channels: ${report.channels.map((c) => printable(c.name)).join(', ')} ${dim(`(${ORIGIN[report.channelOrigin]})`)}`,
  );
  if (report.solved) {
    lines.push('', ...packageTable(report), '', `  ${report.records.length} packages`);
  }
  if (report.diagnostics.length) lines.push('', ...report.diagnostics.map((d) => formatDiagnostic(d, path)));
  if (report.solved && errors)
    lines.push('', `  ${red(`${errors} problem${errors === 1 ? '' : 's'}`)} between the pip list and the solve`);
  return lines.join('\n');
}

export function reportJson(report: SolveReport) {
  return {
    path: report.path,
    format: report.format,
    platform: report.platform,
    subdirs: report.subdirs,
    channels: report.channels.map((c) => ({ name: c.name, url: c.url })),
    channelOrigin: report.channelOrigin,
    solved: report.solved,
    valid: report.solved && !report.diagnostics.some((d) => d.severity === 'error'),
    seconds: Number((report.ms.total / 1000).toFixed(3)),
    solverSeconds: Number((report.ms.solver / 1000).toFixed(3)),
    packages: report.records.map((r) => ({
      name: r.name,
      version: r.version,
      build: r.build,
      channel: r.channel,
      subdir: r.subdir,
      url: r.url,
    })),
    diagnostics: report.diagnostics.map((d) => (d.file ? { ...d, file: shown(d.file) } : d)),
    indexes: report.indexes,
  };
}

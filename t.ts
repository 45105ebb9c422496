import { readRawContent } from './src/learn/content.ts';
import { checkContent } from './src/learn/check.ts';
const problems = await checkContent(readRawContent(), { today: new Date('2026-11-26') });
for (const p of problems) console.log(p.check, p.file.replace('/work/main/content/', ''), p.message);
console.log(problems.length);

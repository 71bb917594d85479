// Runs a type checker over deliberately wrong usage and passes only if it fails exactly where
// the files say: every line marked `error:` (in a // or <!-- --> comment) must have an error,
// and no other line may. So a typing that stops refusing something fails the test command.
// Usage: node expect-type-errors.mjs "<checker command>" file…  (run in the app's folder)
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [command, ...files] = process.argv.slice(2);
if (!command || files.length === 0) throw new Error('usage: node expect-type-errors.mjs "<checker>" file…');
let output = '';
try {
  output = execSync(command, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
} catch (e) {
  output = `${e.stdout}${e.stderr}`;
}
// tsc / vue-tsc: `file(line,col): error TS…`; svelte-check --output machine: `… ERROR "file" line:col "…"`.
const found = new Set();
for (const m of output.matchAll(/^(\S+?)\((\d+),\d+\): error/gm)) found.add(`${resolve(m[1])}:${m[2]}`);
for (const m of output.matchAll(/ ERROR "([^"]+)" (\d+):\d+/g)) found.add(`${resolve(m[1])}:${m[2]}`);
const problems = [];
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, i) => {
    const at = `${resolve(file)}:${i + 1}`;
    const wanted = /(\/\/|<!--) error:/.test(text);
    if (wanted && !found.has(at)) problems.push(`${file}:${i + 1} should be a type error: ${text.trim()}`);
    if (!wanted && found.has(at)) problems.push(`${file}:${i + 1} is an unexpected type error: ${text.trim()}`);
    found.delete(at);
  });
}
for (const rest of found) problems.push(`an error outside the checked files: ${rest}`);
if (problems.length) {
  console.error(output);
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`${command}: every marked line is refused, and nothing else (${files.join(', ')})`);

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
for (const file of process.argv.slice(2)) {
  const code = readFileSync(file, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(file + '.map', 'utf8')));
  const lineStart = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStart.push(i + 1);
  const ms = [];
  map.eachMapping((m) => ms.push({ off: lineStart[m.generatedLine - 1] + m.generatedColumn, src: m.source ?? '(none)' }));
  ms.sort((a, b) => a.off - b.off);
  const segs = new Map();
  for (let i = 0; i < ms.length; i++) {
    const end = ms[i + 1]?.off ?? code.length;
    if (!segs.has(ms[i].src)) segs.set(ms[i].src, []);
    segs.get(ms[i].src).push([ms[i].off, end]);
  }
  const total = gzipSync(code).length;
  console.log('==', file, code.length, 'gz', total);
  const rows = [];
  for (const [src, ranges] of segs) {
    let kept = '', at = 0, len = 0;
    for (const [a, b] of ranges) { kept += code.slice(at, a); at = b; len += b - a; }
    kept += code.slice(at);
    rows.push([len, total - gzipSync(kept).length, src.replace(/.*node_modules\//, 'nm/').replace(/^(\.\.\/)+/, '')]);
  }
  for (const r of rows.sort((a, b) => b[1] - a[1]).filter((r) => r[0] > 300)) console.log(String(r[0]).padStart(7), String(r[1]).padStart(6), r[2]);
}

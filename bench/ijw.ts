/**
 * iJw validation benchmark (issue 5): XSD + content rules per message, on one core.
 * 1. A corpus of 1,000 small messages of mixed types (the standard's valid examples, each copy
 *    with its own BSN-free identification and dates kept valid). Target: ≥ 2,000 messages/s.
 * 2. One JW323 declaration with 10,000 prestaties.
 * Prints medians of several rounds and the machine.
 *
 *   npm run bench:ijw [-- --rounds 7]
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { validateMessage } from '../src/ijw/validate.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' } } });
const ROUNDS = Number(values.rounds);

const example = (type: string) =>
  readFileSync(new URL(`../test/fixtures/ijw/${type}.xml`, import.meta.url), 'utf8');
const TYPES = [
  'JW301',
  'JW302',
  'JW305',
  'JW306',
  'JW307',
  'JW308',
  'JW316',
  'JW319',
  'JW320',
  'JW325',
];
const corpus = Array.from({ length: 1000 }, (_, i) => {
  const type = TYPES[i % TYPES.length] as string;
  // A different message identification per copy, as in a real exchange.
  return Buffer.from(
    example(type).replace(/<ijw:Identificatie>\d+</, `<ijw:Identificatie>${100000 + i}<`),
  );
});

// JW323 with 10,000 prestaties: the first one repeated with unique reference numbers and a
// total that matches, spread over 100 clients.
function bigDeclaration(lines: number): Buffer {
  const xml = example('JW323');
  const prestatie = /<jw323:Prestatie>[\s\S]*?<\/jw323:Prestatie>/.exec(xml)?.[0] ?? '';
  const clientsXml: string[] = [];
  let n = 0;
  const perClient = lines / 100;
  for (let c = 0; c < 100; c++) {
    const bsn = validBsn(100000 + c);
    const items: string[] = [];
    for (let p = 0; p < perClient; p++, n++)
      items.push(
        prestatie
          .replace(/RN001/, `RN${String(n).padStart(6, '0')}`)
          .replace(/<jw323:ToewijzingNummer>10072</, `<jw323:ToewijzingNummer>${200000 + n}<`),
      );
    clientsXml.push(
      `<jw323:Client><jw323:Bsn>${bsn}</jw323:Bsn><jw323:Prestaties>${items.join('')}</jw323:Prestaties></jw323:Client>`,
    );
  }
  return Buffer.from(
    xml
      .replace(
        /<jw323:Clienten>[\s\S]*<\/jw323:Clienten>/,
        `<jw323:Clienten>${clientsXml.join('')}</jw323:Clienten>`,
      )
      .replace(/<ijw:TotaalBedrag>79000</, `<ijw:TotaalBedrag>${5000 * lines}<`),
  );
}

/** A BSN that passes the elfproef, derived from a seed. */
function validBsn(seed: number): string {
  for (let s = 100_000_000 + seed * 100; ; s++) {
    const digits = String(s).padStart(9, '0').slice(-9);
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (i === 8 ? -1 : 9 - i), 0);
    if (sum % 11 === 0 && digits[0] !== '0') return digits;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

// Warm-up: compile every schema once.
for (const m of corpus.slice(0, TYPES.length)) validateMessage(m);
const invalid = corpus.filter((m) => !validateMessage(m).valid).length;
if (invalid > 0)
  throw new Error(`${invalid} corpus messages are invalid; the benchmark needs valid ones`);

const small: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const t0 = performance.now();
  for (const m of corpus) validateMessage(m);
  small.push(performance.now() - t0);
}

const big = bigDeclaration(10_000);
const bigReport = validateMessage(big);
const large: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const t0 = performance.now();
  validateMessage(big);
  large.push(performance.now() - t0);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`,
);
console.log(
  `1,000 small messages (10 types), XSD + rules: median ${median(small).toFixed(0)} ms per round → ${(1000 / (median(small) / 1000)).toFixed(0)} messages/s (target ≥ 2,000); rounds: ${small.map((x) => x.toFixed(0)).join(', ')} ms`,
);
console.log(
  `JW323 with 10,000 prestaties (${(big.length / 2 ** 20).toFixed(1)} MiB, valid: ${bigReport.valid}): median ${median(large).toFixed(0)} ms; rounds: ${large.map((x) => x.toFixed(0)).join(', ')} ms`,
);

/**
 * Engine benchmark (issue 2): evaluate 100,000 scenarios of about 20 events each.
 * Target: under 5 s on one core. Measures the engine alone (pre-validated input) and the whole
 * path the CLI and the API take: JSON text → parse → validate → engine. Prints medians of several rounds and the machine.
 *
 *   npm run bench:engine [-- --scenarios 100000 --rounds 5]
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { evaluate, EVENT_TYPES, SEGMENTS } from '../src/domain/rules/index.js';
import { loadProfiles } from '../src/regions/load.js';
import { normalizeScenario, type ScenarioInput } from '../src/scenario/index.js';

const { values } = parseArgs({
  options: {
    scenarios: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '5' },
  },
});
const COUNT = Number(values.scenarios);
const ROUNDS = Number(values.rounds);

// Mulberry32: a small seeded PRNG so every run measures the same scenarios.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261123);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const REGIONS = ['RIJ', 'LEK', 'ZTM', 'ZOU', 'GRO', 'LEK-VOORBEELD'] as const;
const FLOW = [
  'aanmelding',
  'eerste-contact',
  'intake',
  'plan-vastgesteld',
  'start-hulp',
  'hulpverleningsplan',
] as const;
const LATER = EVENT_TYPES.filter((t) => !['toekomstplan', 'maatregel-einde'].includes(t));
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 11);

function scenario(): ScenarioInput {
  const region = pick(REGIONS);
  const start = NOW - Math.floor(random() * 700 + 90) * DAY;
  const events: NonNullable<ScenarioInput['events']> = [];
  let t = start;
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const type of FLOW) {
    events.push({ type, at: iso(t) });
    t += Math.floor(random() * 10 * DAY);
  }
  events.push({ type: 'maatregel-einde', at: iso(t), date: iso(NOW + 200 * DAY).slice(0, 10) });
  while (events.length < 20 && t < NOW) {
    const type = pick(LATER);
    events.push(
      type === 'evaluatie'
        ? { type, at: iso(t), kind: pick(['tussen', 'eind', 'gezinsplan'] as const) }
        : { type, at: iso(t) },
    );
    t += Math.floor(random() * 20 * DAY) + 3_600_000;
  }
  return {
    region,
    now: iso(NOW),
    case: {
      route: pick(['A', 'B', 'C'] as const),
      segment: pick(SEGMENTS),
      measure: pick([null, 'ots', 'voogdij', 'jeugdreclassering'] as const),
      ivh: random() < 0.2,
      children: [
        { id: 'k1', birthDate: '2010-08-31' },
        { id: 'k2', birthDate: '2019-02-28' },
      ],
      lifeDomains: random() < 0.5 ? ['opvoeding'] : ['opvoeding', 'wonen'],
      resultAreas: 1 + Math.floor(random() * 2),
      supportElements: random() < 0.5 ? ['02'] : [],
      professionalsInvolved: Math.floor(random() * 4),
      coSignals: random() < 0.3 ? ['draaglast'] : [],
      regieCriteria: {
        severity: pick(['licht', 'midden', 'zwaar'] as const),
        stacking: random() < 0.3,
        duration: 'afgebakend',
        unsafety: pick(['geen', 'mogelijk', 'aanwezig'] as const),
        motivation: 'goed',
        providers: 1 + Math.floor(random() * 3),
        school: 'gaat',
        jhio: 'geen',
      },
    },
    events,
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

const profiles = loadProfiles();
// Scenarios arrive as JSON text (a file, a request body); keeping them as text also keeps the
// heap the size a server would have, instead of 100,000 object graphs at once.
const texts = Array.from({ length: COUNT }, () => JSON.stringify(scenario()));
let normalized = texts.map((text) => normalizeScenario(JSON.parse(text), profiles));
const eventCount = normalized.reduce((n, s) => n + s.events.length, 0);

let sink = 0;
const engineTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const t0 = performance.now();
  for (const s of normalized)
    sink += evaluate(s.profile, s.facts, s.events, s.now).deadlines.length;
  engineTimes.push(performance.now() - t0);
}
// Release the pre-validated scenarios: the whole path handles one scenario at a time, as the
// CLI and a server do, and should not pay for a heap it would never have.
normalized = [];
const fullTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const t0 = performance.now();
  for (const text of texts) {
    const s = normalizeScenario(JSON.parse(text), profiles);
    sink += evaluate(s.profile, s.facts, s.events, s.now).deadlines.length;
  }
  fullTimes.push(performance.now() - t0);
}

const cpu = cpus();
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
console.log(
  `scenarios: ${COUNT}, events: ${eventCount} (${(eventCount / COUNT).toFixed(1)} per scenario), rounds: ${ROUNDS}`,
);
console.log(
  `engine only:                median ${(median(engineTimes) / 1000).toFixed(2)} s  (rounds: ${engineTimes.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
);
console.log(
  `JSON + validation + engine: median ${(median(fullTimes) / 1000).toFixed(2)} s  (rounds: ${fullTimes.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
);
console.log(
  `target under 5 s: engine ${median(engineTimes) < 5000 ? 'met' : 'NOT met'}, whole path ${median(fullTimes) < 5000 ? 'met' : 'NOT met'} (checksum ${sink})`,
);

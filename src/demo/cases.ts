/**
 * Plans one demo case: a household, the facts the rules engine reads, the role assignments over
 * time and a timeline in the engine's event vocabulary. Pure apart from the random generator:
 * the same generator state gives the same case. Nothing lies after `now`, nothing before the
 * registration except the court order that precedes a route C case (as `registerRequest` does).
 */
import type { StaffRole } from '../domain/access/case-access.js';
import {
  CO_SIGNALS,
  LIFE_DOMAINS,
  LIGHT_REGIE_CRITERIA,
  type CoSignal,
  type EvaluationKind,
  type EventType,
  type LifeDomain,
  type Measure,
  type RegieCriteria,
  type Segment,
} from '../domain/rules/index.js';
import {
  addMonths,
  addWorkingDays,
  addYearsMonths,
  formatIsoDate,
  instantFromLocal,
  isWorkingDay,
  localDay,
  parseIsoDate,
  startOfLocalDay,
  ymdFromDay,
  type DayNumber,
} from '../domain/time/index.js';
import { adultName, childName, standalone, surname } from './names.js';
import { staffOf, type DemoOrganisation, type RegionOrganisations } from './organisations.js';
import type { Random } from './random.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Route = 'A' | 'B' | 'C';
type Weight = 'licht' | 'midden' | 'zwaar';
type RoleName = 'procesregie' | 'casusregie' | 'behandelregie' | 'crisiscasusregie';
type Holder = 'gezin' | 'professional' | 'organisatie';

export interface PlannedPerson {
  readonly kind: 'jeugdige' | 'ouder' | 'gezagsdrager' | 'voogd';
  readonly name: string;
  readonly birthDate: string | null;
  readonly bsn: string | null;
}

export interface PlannedRole {
  readonly role: RoleName;
  readonly holder: Holder;
  readonly organisationId: string | null;
  readonly staffId: string | null;
  readonly startsAt: number;
  endsAt: number | null;
  readonly reason: string;
  readonly createdBy: string | null;
}

export interface PlannedEvent {
  readonly type: EventType;
  readonly at: number;
  /** Index into the case's persons (a young person), for `toekomstplan`. */
  readonly childIndex: number | null;
  readonly kind: EvaluationKind | null;
  readonly date: string | null;
  readonly note: string | null;
  readonly recordedBy: string | null;
}

export interface PlannedCase {
  readonly region: string;
  readonly householdLabel: string;
  readonly route: Route;
  readonly segment: Segment;
  readonly measure: Measure | null;
  readonly step: string;
  readonly responsibleTeamId: string | null;
  readonly registeredByOrgId: string;
  readonly referrer: { readonly type: ReferrerType; readonly code: string } | null;
  readonly courtOrderDate: string | null;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly registeredAt: number;
  readonly closedAt: number | null;
  readonly persons: readonly PlannedPerson[];
  readonly roles: readonly PlannedRole[];
  readonly events: readonly PlannedEvent[];
}

type ReferrerType = 'huisarts' | 'jeugdarts' | 'medisch-specialist';

// ---------------------------------------------------------------------------------------
// Moments in time
// ---------------------------------------------------------------------------------------

function atLocal(day: DayNumber, hour: number, minute: number): number {
  const { year, month, day: dayOfMonth } = ymdFromDay(day);
  return instantFromLocal(year, month, dayOfMonth, hour, minute);
}

/** Office hours on the day, or on the next working day when the day is not one. */
function officeHours(rng: Random, day: DayNumber): number {
  let working = day;
  while (!isWorkingDay(working)) working += 1;
  return atLocal(working, rng.int(8, 16), rng.int(0, 59));
}

/** During office hours, `days` calendar days after `from`, and always after it. */
function daysAfter(rng: Random, from: number, days: number): number {
  const at = officeHours(rng, localDay(from) + days);
  return at > from ? at : from + rng.int(20, 180) * MINUTE;
}

/** During office hours on the `days`-th working day after `from`. */
function workingDaysAfter(rng: Random, from: number, days: number): number {
  return daysAfter(rng, from, addWorkingDays(localDay(from), days) - localDay(from));
}

function hoursAfter(rng: Random, from: number, min: number, max: number): number {
  return from + Math.round(rng.between(min, max) * 60) * MINUTE;
}

// ---------------------------------------------------------------------------------------
// Household
// ---------------------------------------------------------------------------------------

/** A valid BSN (elfproef) not in `used`; it is added to `used`. */
export function newBsn(rng: Random, used: Set<string>): string {
  for (;;) {
    const base = String(rng.int(10_000_000, 99_999_999));
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(base[i]) * (9 - i);
    const check = sum % 11;
    if (check === 10) continue;
    const bsn = `${base}${check}`;
    if (used.has(bsn)) continue;
    used.add(bsn);
    return bsn;
  }
}

const YEAR = 365;
const MAX_AGE_DAYS = 18 * YEAR - 2;
const CHILD_AGE_DAYS: readonly (readonly [readonly [number, number], number])[] = [
  [[60, 4 * YEAR - 1], 10],
  [[4 * YEAR, 8 * YEAR - 1], 18],
  [[8 * YEAR, 12 * YEAR - 1], 25],
  [[12 * YEAR, 16 * YEAR - 1], 32],
  [[16 * YEAR, MAX_AGE_DAYS], 15],
];

/** Age in days today: 0-17 years, and born at least a month before the registration. */
function childAgeDays(rng: Random, caseAgeDays: number, minimum: number): number {
  const [min, max] = rng.weighted(CHILD_AGE_DAYS);
  const floor = Math.max(minimum, caseAgeDays + 30);
  if (floor > max) return rng.int(floor, Math.min(floor + 3 * YEAR, MAX_AGE_DAYS));
  return rng.int(Math.max(min, floor), max);
}

function household(
  rng: Random,
  today: DayNumber,
  caseAgeDays: number,
  measure: Measure | null,
  usedBsns: Set<string>,
): { label: string; persons: PlannedPerson[] } {
  const family = surname(rng);
  const children = rng.weighted([
    [1, 55],
    [2, 30],
    [3, 15],
  ]);
  const ages: number[] = [];
  for (let i = 0; i < children; i++) {
    // Jeugdreclassering concerns a young person of twelve or older at the time of the offence.
    const minimum = i === 0 && measure === 'jeugdreclassering' ? 13 * YEAR : 0;
    ages.push(childAgeDays(rng, caseAgeDays, minimum));
  }
  ages.sort((a, b) => b - a);
  const persons: PlannedPerson[] = ages.map((age) => ({
    kind: 'jeugdige',
    name: childName(rng, family),
    birthDate: formatIsoDate(today - age),
    bsn: newBsn(rng, usedBsns),
  }));
  const parents = rng.chance(0.35) ? 1 : 2;
  for (let i = 0; i < parents; i++) {
    const name = adultName(rng, i === 0 || rng.chance(0.5) ? family : surname(rng));
    let kind: PlannedPerson['kind'] = 'ouder';
    if (measure === 'voogdij' && i === parents - 1 && rng.chance(0.4)) kind = 'voogd';
    else if (rng.chance(0.05)) kind = 'gezagsdrager';
    persons.push({ kind, name, birthDate: null, bsn: null });
  }
  return { label: `Gezin ${standalone(family)}`, persons };
}

// ---------------------------------------------------------------------------------------
// Segment, weight of regie and engine facts
// ---------------------------------------------------------------------------------------

const RESIDENTIAL: readonly Segment[] = [
  'verblijf',
  'gezinsvormen-kort',
  'gezinsvormen-lang',
  'crisis-residentieel',
];
const CRISIS: readonly Segment[] = ['crisis-residentieel', 'crisis-ambulant'];

function chooseSegment(rng: Random, route: Route, measure: Measure | null): Segment {
  if (route === 'A')
    return rng.weighted<Segment>([
      ['ambulant', 52],
      ['jhio', 10],
      ['dagbehandeling', 7],
      ['verblijf', 6],
      ['gezinsvormen-kort', 4],
      ['gezinsvormen-lang', 3],
      ['forensisch', 3],
      ['crisis-ambulant', 9],
      ['crisis-residentieel', 6],
    ]);
  if (route === 'B')
    return rng.weighted<Segment>([
      ['ambulant', 78],
      ['dagbehandeling', 10],
      ['jhio', 5],
      ['crisis-ambulant', 7],
    ]);
  if (measure === 'jeugdreclassering')
    return rng.weighted<Segment>([
      ['forensisch', 70],
      ['ambulant', 25],
      ['verblijf', 5],
    ]);
  return rng.weighted<Segment>([
    ['ambulant', 40],
    ['verblijf', 20],
    ['gezinsvormen-lang', measure === 'voogdij' ? 30 : 12],
    ['gezinsvormen-kort', 8],
    ['crisis-residentieel', 6],
  ]);
}

function chooseWeight(rng: Random, route: Route, segment: Segment): Weight {
  if (CRISIS.includes(segment) || segment === 'forensisch') return 'zwaar';
  const weight =
    route === 'C'
      ? rng.weighted<Weight>([
          ['midden', 40],
          ['zwaar', 60],
        ])
      : route === 'A'
        ? rng.weighted<Weight>([
            ['licht', 45],
            ['midden', 35],
            ['zwaar', 20],
          ])
        : rng.weighted<Weight>([
            ['licht', 65],
            ['midden', 28],
            ['zwaar', 7],
          ]);
  // JHiO to function in school and a short stay in a foster family are at least medium (LEK).
  return weight === 'licht' && (segment === 'jhio' || segment === 'gezinsvormen-kort')
    ? 'midden'
    : weight;
}

type Criterion = keyof RegieCriteria;
const MEDIUM: Readonly<Record<Criterion, RegieCriteria[Criterion]>> = {
  severity: 'midden',
  stacking: true,
  duration: 'onzeker',
  unsafety: 'mogelijk',
  motivation: 'wisselend',
  providers: 2,
  school: 'bedreigd',
  jhio: 'functioneren',
};
const HEAVY: Readonly<Partial<Record<Criterion, RegieCriteria[Criterion]>>> = {
  severity: 'zwaar',
  duration: 'onvoorspelbaar',
  unsafety: 'aanwezig',
  motivation: 'laag',
  providers: 3,
  school: 'thuiszitter',
  jhio: 'volgen',
};

/** Facts under the scenario field names, consistent with the weight of regie. */
function planFacts(
  rng: Random,
  route: Route,
  segment: Segment,
  weight: Weight,
): Record<string, unknown> {
  const criteria: { -readonly [K in Criterion]: RegieCriteria[K] } = { ...LIGHT_REGIE_CRITERIA };
  const set = (criterion: Criterion, value: RegieCriteria[Criterion]): void => {
    (criteria as Record<Criterion, RegieCriteria[Criterion]>)[criterion] = value;
  };
  if (weight !== 'licht') {
    const mediumOnes = (Object.keys(MEDIUM) as Criterion[]).filter((c) => c !== 'jhio');
    for (const c of rng.sample(mediumOnes, rng.int(1, 3))) set(c, MEDIUM[c]);
  }
  if (weight === 'zwaar') {
    const heavyOnes = (Object.keys(HEAVY) as Criterion[]).filter((c) => c !== 'jhio');
    for (const c of rng.sample(heavyOnes, rng.int(1, 2))) {
      const value = HEAVY[c];
      if (value !== undefined) set(c, c === 'providers' ? rng.int(3, 4) : value);
    }
  }
  if (segment === 'jhio') criteria.jhio = weight === 'zwaar' ? 'volgen' : 'functioneren';

  const residence = RESIDENTIAL.includes(segment);
  const safetyAtStake =
    criteria.unsafety === 'aanwezig' ||
    (criteria.unsafety === 'mogelijk' && rng.chance(0.4)) ||
    (route === 'C' && rng.chance(0.8));
  const familySupportsHelp =
    criteria.motivation === 'laag'
      ? false
      : route === 'C'
        ? rng.chance(0.5)
        : criteria.motivation === 'wisselend'
          ? rng.chance(0.7)
          : rng.chance(0.95);
  const domainCount =
    weight === 'licht'
      ? rng.chance(0.8)
        ? 1
        : 2
      : weight === 'midden'
        ? rng.int(2, 3)
        : rng.int(3, 5);
  const first: LifeDomain = rng.chance(0.55) ? 'kindgebonden' : 'opvoeding';
  const lifeDomains = [
    first,
    ...rng.sample(
      LIFE_DOMAINS.filter((d) => d !== first),
      domainCount - 1,
    ),
  ];
  const signalCount =
    weight === 'licht'
      ? rng.chance(0.3)
        ? 1
        : 0
      : weight === 'midden'
        ? rng.int(1, 2)
        : rng.int(2, 4);
  const coSignals = new Set<CoSignal>(rng.sample(CO_SIGNALS, signalCount));
  if (criteria.unsafety === 'aanwezig' && rng.chance(0.6)) coSignals.add('huiselijk-geweld');
  if (criteria.school === 'thuiszitter') coSignals.add('vastlopen-werk-school');
  const supportElements =
    segment === 'dagbehandeling'
      ? weight === 'zwaar'
        ? ['02', '01']
        : ['02']
      : weight === 'licht'
        ? []
        : rng.sample(['01', '03', '04', '05'], rng.int(0, 2)).sort();
  return {
    lifeDomains,
    resultAreas: weight === 'licht' ? 1 : weight === 'midden' ? rng.int(1, 2) : rng.int(2, 4),
    supportElements,
    residence,
    familySupportsHelp,
    safetyAtStake,
    professionalsInvolved:
      criteria.providers + (weight === 'licht' ? 0 : rng.int(0, 2)) + (route === 'C' ? 1 : 0),
    parentsCoordinate:
      route !== 'C' && rng.chance(weight === 'licht' ? 0.6 : weight === 'midden' ? 0.25 : 0.05),
    longHistory: rng.chance(weight === 'zwaar' ? 0.5 : weight === 'midden' ? 0.2 : 0.05),
    regieCriteria: criteria,
    coSignals: [...coSignals],
    product: { freelyAccessible: !residence && segment !== 'dagbehandeling' },
    ivh: route === 'A' && weight !== 'licht' && rng.chance(0.08),
  };
}

// ---------------------------------------------------------------------------------------
// Timeline and roles
// ---------------------------------------------------------------------------------------

class Timeline {
  readonly events: PlannedEvent[] = [];

  constructor(
    private readonly start: number,
    private readonly now: number,
  ) {}

  /** Records the event when it has happened by now; false when it still lies ahead. */
  add(
    type: EventType,
    at: number,
    recordedBy: string | null,
    extra: { childIndex?: number; kind?: EvaluationKind; date?: string; note?: string } = {},
  ): boolean {
    if (at > this.now) return false;
    if (at < this.start && type !== 'rechterlijke-opdracht')
      throw new Error(`demo: ${type} valt vóór de aanmelding`);
    this.events.push({
      type,
      at,
      childIndex: extra.childIndex ?? null,
      kind: extra.kind ?? null,
      date: extra.date ?? null,
      note: extra.note ?? null,
      recordedBy,
    });
    return true;
  }
}

class Roles {
  readonly list: PlannedRole[] = [];

  constructor(private readonly now: number) {}

  start(
    role: RoleName,
    holder: Holder,
    organisationId: string | null,
    staffId: string | null,
    at: number,
    reason: string,
    createdBy: string | null,
  ): void {
    if (at > this.now) return;
    this.list.push({
      role,
      holder,
      organisationId,
      staffId,
      startsAt: at,
      endsAt: null,
      reason,
      createdBy,
    });
  }

  /** Ends the running assignments of the role (of one organisation, when given) at `at`. */
  end(role: RoleName, at: number, organisationId?: string): void {
    if (at > this.now) return;
    for (const r of this.list)
      if (
        r.role === role &&
        r.endsAt === null &&
        r.startsAt <= at &&
        (organisationId === undefined || r.organisationId === organisationId)
      )
        r.endsAt = at;
  }

  /** Like `assignRole`: the running assignment ends where the new one starts. */
  handOver(
    role: RoleName,
    holder: Holder,
    organisationId: string | null,
    staffId: string | null,
    at: number,
    reason: string,
    createdBy: string | null,
  ): void {
    if (at > this.now) return;
    this.end(role, at);
    this.start(role, holder, organisationId, staffId, at, reason, createdBy);
  }

  /** At closure every running assignment ends; nothing starts after it. */
  close(at: number): void {
    const kept = this.list.filter((r) => r.startsAt <= at);
    this.list.length = 0;
    for (const r of kept) {
      if (r.endsAt === null || r.endsAt > at) r.endsAt = at;
      this.list.push(r);
    }
  }
}

/** How a case goes: mostly on time, slowly, or stuck somewhere along the way. */
type Pace = 'vlot' | 'traag' | 'vastgelopen';

interface Context {
  readonly rng: Random;
  readonly now: number;
  readonly region: RegionOrganisations;
  readonly route: Route;
  readonly segment: Segment;
  readonly measure: Measure | null;
  readonly weight: Weight;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly registeredAt: number;
  readonly team: DemoOrganisation;
  readonly provider: DemoOrganisation;
  /** The GI that carries out the measure (route C). */
  readonly gi: DemoOrganisation;
  readonly teamInvolved: boolean;
  readonly timeline: Timeline;
  readonly roles: Roles;
  readonly pace: Pace;
  /** Milestones left before a stuck case stops moving. */
  stepsLeft: number;
  /** Set when help starts; the anchor of follow-up. */
  helpStart: number | null;
  closedAt: number | null;
  /** When the case stopped moving (stuck), so follow-up stops there too. */
  stalledAt: number | null;
  /** Draws which colleague of an organisation works on the case. */
  readonly crewRng: Random;
  /** The professional per organisation and role, once drawn. */
  readonly crew: Map<string, string>;
}

function late(c: Context): boolean {
  return c.rng.chance(c.pace === 'vlot' ? 0.1 : c.pace === 'traag' ? 0.45 : 0.35);
}

type Range = readonly [number, number];

/** Whole days for a step: in the on-time range, or in the late range when the step is late. */
function days(c: Context, onTime: Range, tooLate: Range): number {
  const [min, max] = late(c) ? tooLate : onTime;
  return c.rng.int(min, max);
}

/** Like `days`, in hours, for crisis steps. */
function hours(c: Context, from: number, onTime: Range, tooLate: Range): number {
  const [min, max] = late(c) ? tooLate : onTime;
  return hoursAfter(c.rng, from, min, max);
}

/** False once a stuck case has used its milestones; it then stops at `at`. */
function proceeds(c: Context, at: number): boolean {
  if (c.stalledAt !== null) return false;
  c.stepsLeft -= 1;
  if (c.stepsLeft >= 0) return true;
  c.stalledAt = at;
  return false;
}

/**
 * The professional of the organisation in the role who works on this case: one of its
 * colleagues in that role (drawn from the case's own crew stream, so the rest of the case stays
 * the same whatever the staffing), the same one throughout the case.
 */
function staff(c: Context, organisation: DemoOrganisation, role: StaffRole): string {
  const key = `${organisation.id} ${role}`;
  let id = c.crew.get(key);
  if (id === undefined) {
    const members = organisation.members.get(role) ?? [];
    id = members.length > 1 ? c.crewRng.pick(members) : staffOf(organisation, role);
    c.crew.set(key, id);
  }
  return id;
}

/** Reports of an evaluation meeting, sent round within five working days, mostly. */
function minutes(c: Context, evaluation: number, by: string): void {
  const missing = c.pace === 'vlot' ? 0.05 : c.pace === 'traag' ? 0.2 : 0.3;
  if (c.rng.chance(missing)) return;
  const at = late(c)
    ? daysAfter(c.rng, evaluation, c.rng.int(8, 20))
    : workingDaysAfter(c.rng, evaluation, c.rng.int(1, 5));
  c.timeline.add('verslag-verspreid', at, by, { note: 'Verslag van de evaluatie verstuurd' });
}

/**
 * The planned end of the help, when it ends in the demo period. Cases that would have ended
 * long ago end recently instead (or still run): a long-closed case would only show stale
 * cadences in the work list.
 */
function plannedEnd(c: Context, helpStart: number): number | null {
  const { rng, now } = c;
  const [min, max] =
    c.weight === 'licht' ? [90, 240] : c.weight === 'midden' ? [150, 420] : [240, 720];
  const end = daysAfter(rng, helpStart, rng.int(min, max));
  if (end > now) return null;
  if (end >= now - 80 * DAY) return end;
  return rng.chance(0.4) ? daysAfter(rng, now - rng.int(5, 80) * DAY, 0) : null;
}

/** Evaluations every few months from the anchor, contacts in between, an end evaluation. */
function followUp(c: Context, anchor: number, end: number | null, worker: string): void {
  const { rng, now, timeline } = c;
  const ztm = c.region.setup.region === 'ZTM';
  const interval = ztm ? 91 : c.weight === 'licht' ? 150 : c.weight === 'midden' ? 120 : 88;
  const stop = end ?? now;
  let previous = anchor;
  for (;;) {
    const gap = late(c) ? rng.between(1.05, 1.45) : rng.between(0.7, 0.98);
    const at = daysAfter(rng, previous, Math.round(interval * gap));
    if (at > stop - 14 * DAY || at > now) break;
    if (!proceeds(c, previous)) break;
    timeline.add('evaluatie', at, worker, { kind: 'tussen', note: 'Tussenevaluatie met gezin' });
    minutes(c, at, worker);
    previous = at;
  }
  const contactEvery: readonly [number, number] | null =
    c.weight === 'zwaar' ? [25, 60] : c.weight === 'midden' ? [50, 110] : null;
  const helpStart = c.helpStart;
  if (contactEvery && helpStart !== null) {
    const contactsUntil = Math.min(c.stalledAt ?? stop, stop);
    let at = daysAfter(rng, helpStart, rng.int(...contactEvery));
    while (at < contactsUntil && at <= now) {
      timeline.add('contact', at, worker, {
        note: 'Afstemming aanbieder, casusregisseur en gezin',
      });
      at = daysAfter(rng, at, rng.int(...contactEvery));
    }
  }
  if (end !== null && c.stalledAt === null) {
    timeline.add('evaluatie', end, worker, { kind: 'eind', note: 'Gezamenlijke eindevaluatie' });
    minutes(c, end, worker);
    const closed = daysAfter(rng, end, rng.int(2, 20));
    if (closed <= now) c.closedAt = closed;
  }
}

/** Weekly contact during a crisis, from the start of help. */
function crisisContacts(c: Context, from: number, worker: string): void {
  const { rng, now, timeline } = c;
  const stopAfter = c.pace === 'vastgelopen' ? rng.int(1, 4) : Number.POSITIVE_INFINITY;
  let at = hoursAfter(rng, from, 24, 6 * 24);
  for (let count = 0; at <= now && count < stopAfter; count++) {
    timeline.add('contact', at, worker, { note: 'Wekelijks crisiscontact' });
    at = hours(c, at, [3 * 24, 7 * 24], [8 * 24, 12 * 24]);
  }
}

/** Route A and B: from the request through analysis and plan to help and follow-up. */
function voluntary(c: Context): void {
  const { rng, timeline, roles, region, team, provider, segment } = c;
  const t0 = c.registeredAt;
  const crisis = CRISIS.includes(segment);
  const teamWorker = staff(c, team, 'casusregisseur');
  const planner = staff(c, provider, 'planner');
  const therapist = staff(c, provider, 'behandelaar');
  const worker = c.route === 'A' ? teamWorker : therapist;

  const first = crisis
    ? hoursAfter(rng, t0, 0.25, 2)
    : workingDaysAfter(rng, t0, days(c, [1, 5], [6, 12]));
  if (!proceeds(c, t0)) return;
  if (!timeline.add('eerste-contact', first, worker, { note: 'Eerste gesprek met het gezin' }))
    return;

  let intake: number;
  if (segment === 'crisis-residentieel') intake = hours(c, t0, [0.5, 3.5], [4.5, 9]);
  else if (segment === 'crisis-ambulant') intake = hours(c, t0, [2, 22], [26, 48]);
  else if (segment === 'forensisch') intake = daysAfter(rng, t0, days(c, [1, 4], [6, 12]));
  else if (segment === 'ambulant' || segment === 'jhio')
    intake = daysAfter(rng, t0, days(c, [3, 13], [15, 35]));
  else intake = daysAfter(rng, t0, days(c, [5, 21], [25, 60]));
  intake = Math.max(intake, first + rng.int(10, 60) * MINUTE);
  if (!proceeds(c, first)) return;
  if (!timeline.add('intake', intake, c.route === 'A' ? teamWorker : planner)) return;

  // Triage: casusregie moves to a professional when the family cannot carry it (DOMAIN 2-3).
  const professional =
    c.facts['ivh'] === true ||
    c.weight === 'zwaar' ||
    (c.weight === 'midden' &&
      (c.facts['familySupportsHelp'] === false ||
        c.facts['safetyAtStake'] === true ||
        rng.chance(0.35)));
  if (professional && c.teamInvolved) {
    const at = c.route === 'A' ? intake : daysAfter(rng, intake, rng.int(2, 10));
    roles.handOver(
      'casusregie',
      'professional',
      team.id,
      teamWorker,
      at,
      c.route === 'A'
        ? 'triage: casusregie buiten het gezin'
        : 'aanbieder vraagt een casusregisseur van het lokale team',
      staff(c, team, 'teamleider'),
    );
  }

  if (crisis) {
    const startAt =
      segment === 'crisis-residentieel'
        ? intake + rng.int(5, 40) * MINUTE
        : hoursAfter(rng, intake, 0.5, 4);
    if (!timeline.add('start-hulp', startAt, planner, { note: 'Crisishulp gestart' })) return;
    c.helpStart = startAt;
    if (c.route === 'A')
      roles.start(
        'behandelregie',
        'organisatie',
        provider.id,
        null,
        startAt,
        'start hulp',
        planner,
      );
    crisisContacts(c, startAt, worker);
    const hvp = daysAfter(rng, startAt, days(c, [3, 13], [15, 25]));
    if (proceeds(c, startAt))
      timeline.add('hulpverleningsplan', hvp, therapist, { note: 'Crisisplan en veiligheidsplan' });
    const plan = daysAfter(rng, first, days(c, [8, 24], [29, 45]));
    if (!proceeds(c, startAt)) return;
    if (
      !timeline.add('plan-vastgesteld', plan, worker, {
        note: `${region.setup.planName} vastgesteld`,
      })
    )
      return;
    const next = daysAfter(rng, plan, days(c, [2, 12], [15, 30]));
    timeline.add('start-hulp', next, planner, { note: 'Vervolghulp na de crisis gestart' });
    return;
  }

  const plan = Math.max(daysAfter(rng, first, days(c, [8, 26], [29, 50])), intake + HOUR);
  if (!proceeds(c, intake)) return;
  if (
    !timeline.add('plan-vastgesteld', plan, worker, {
      note: `${region.setup.planName} vastgesteld en ondertekend`,
    })
  )
    return;

  let allocated = plan;
  if (rng.chance(0.3)) {
    allocated = daysAfter(rng, plan, rng.int(1, 6));
    timeline.add('toewijzing-ontvangen', allocated, planner, {
      note: 'Toewijzing (JW301) ontvangen',
    });
    if (rng.chance(0.1))
      timeline.add(
        'bezwaar-arrangement',
        daysAfter(rng, allocated, days(c, [2, 12], [16, 25])),
        planner,
        { note: 'Aanbieder is het niet eens met het arrangement' },
      );
  }

  const waiting = RESIDENTIAL.includes(segment) || segment === 'dagbehandeling';
  const start = Math.max(
    daysAfter(rng, plan, waiting ? days(c, [7, 30], [30, 75]) : days(c, [2, 12], [15, 40])),
    allocated + HOUR,
  );
  if (!proceeds(c, plan)) return;
  if (!timeline.add('start-hulp', start, planner, { note: `Hulp gestart bij ${provider.name}` }))
    return;
  c.helpStart = start;
  if (c.route === 'A')
    roles.start('behandelregie', 'organisatie', provider.id, null, start, 'start hulp', planner);

  const hvp = daysAfter(rng, start, days(c, [10, 40], [43, 75]));
  if (proceeds(c, start)) timeline.add('hulpverleningsplan', hvp, therapist);

  const end = plannedEnd(c, start);
  followUp(c, plan, end, worker);
  escalation(c, plan, end);
  changeProvider(c, start, end);
  handBack(c, start, end);
}

/** Route C: the judge's order, the GI's gezinsplan, help, yearly or half-yearly reviews. */
function courtMeasure(c: Context, courtDay: DayNumber): void {
  const { rng, now, timeline, roles, provider, segment, measure } = c;
  const t0 = c.registeredAt;
  const protector = staff(c, c.gi, 'jeugdbeschermer');
  const planner = staff(c, provider, 'planner');
  const therapist = staff(c, provider, 'behandelaar');
  const crisis = CRISIS.includes(segment);

  // The planned end of the measure and its extensions; voogdij runs until adulthood.
  const ends: { date: DayNumber; recordedAt: number }[] = [];
  if (measure !== 'voogdij') {
    const months = measure === 'jeugdreclassering' ? rng.pick([6, 12]) : 12;
    const initialEnd = {
      date: addMonths(courtDay, months),
      recordedAt: daysAfter(rng, t0, rng.int(0, 3)),
    };
    ends.push(initialEnd);
    timeline.add('maatregel-einde', initialEnd.recordedAt, protector, {
      date: formatIsoDate(initialEnd.date),
      note: `Einddatum ${measure === 'ots' ? 'ondertoezichtstelling' : 'jeugdreclassering'}`,
    });
  }

  const first = workingDaysAfter(rng, t0, days(c, [1, 5], [6, 10]));
  if (!proceeds(c, t0)) return;
  if (!timeline.add('eerste-contact', first, protector, { note: 'Kennismaking met het gezin' }))
    return;

  const intake = crisis
    ? hours(c, t0, [0.5, 3.5], [4.5, 9])
    : workingDaysAfter(rng, t0, rng.int(1, 3));
  timeline.add('intake', intake, planner);
  const start = Math.max(
    crisis ? intake + rng.int(5, 40) * MINUTE : workingDaysAfter(rng, t0, days(c, [2, 5], [6, 15])),
    intake + 5 * MINUTE,
  );
  if (!proceeds(c, intake)) return;
  if (timeline.add('start-hulp', start, planner, { note: `Hulp gestart bij ${provider.name}` })) {
    c.helpStart = start;
    roles.start('behandelregie', 'organisatie', provider.id, null, start, 'start hulp', planner);
    if (crisis) crisisContacts(c, start, protector);
    const hvp = daysAfter(rng, start, days(c, [10, 40], [43, 75]));
    if (proceeds(c, start)) timeline.add('hulpverleningsplan', hvp, therapist);
  }

  const court = startOfLocalDay(courtDay);
  const planned = daysAfter(rng, court, days(c, [18, 41], [44, 70]));
  const gezinsplan = Math.max(planned, first + HOUR);
  if (!proceeds(c, first)) return;
  if (!timeline.add('gezinsplan', gezinsplan, protector, { note: 'Eerste gezinsplan' })) return;
  timeline.add('plan-vastgesteld', daysAfter(rng, gezinsplan, rng.int(0, 1)), protector, {
    note: 'Gezinsplan vastgesteld met ouders en jeugdige',
  });

  // How long the measure runs: extensions until it ends in the demo period or after now.
  let closing: number | null = null;
  for (let period = 0; period < ends.length && period < 6; period++) {
    const current = ends[period];
    if (!current) break;
    const endAt = officeHours(rng, current.date);
    if (measure === 'ots') rvdkReview(c, current, protector);
    const extend = startOfLocalDay(current.date) < now - 80 * DAY || rng.chance(0.7);
    if (!extend) {
      if (endAt <= now) closing = endAt;
      break;
    }
    const recordedAt = Math.max(
      officeHours(rng, current.date - rng.int(14, 42)),
      (c.timeline.events.findLast((e) => e.type === 'rvdk-toetsing')?.at ?? 0) + DAY,
      current.recordedAt + DAY,
    );
    if (recordedAt > now) break;
    const next = { date: addMonths(current.date, 12), recordedAt };
    ends.push(next);
    timeline.add('maatregel-einde', recordedAt, protector, {
      date: formatIsoDate(next.date),
      note: 'Maatregel verlengd door de kinderrechter',
    });
  }

  // Gezinsplan evaluations: yearly (OTS, voogdij) or half-yearly (jeugdreclassering).
  const interval = measure === 'jeugdreclassering' ? 182 : 365;
  const stop = closing ?? now;
  let previous = gezinsplan;
  for (;;) {
    const gap = late(c) ? rng.between(1.03, 1.2) : rng.between(0.75, 0.97);
    const at = daysAfter(rng, previous, Math.round(interval * gap));
    if (at > stop - 10 * DAY || at > now) break;
    if (!proceeds(c, previous)) break;
    timeline.add('evaluatie', at, protector, { kind: 'gezinsplan', note: 'Evaluatie gezinsplan' });
    minutes(c, at, protector);
    previous = at;
  }
  followUp(c, gezinsplan, closing, protector);
}

/** The Raad voor de Kinderbescherming reviews the closure 10 weeks before an OTS ends. */
function rvdkReview(c: Context, end: { date: DayNumber; recordedAt: number }, by: string): void {
  const { rng, timeline } = c;
  const due = end.date - 70;
  const outcome = rng.weighted([
    ['op-tijd', c.pace === 'vlot' ? 75 : 45],
    ['te-laat', c.pace === 'vlot' ? 15 : 35],
    ['niet', 10],
  ]);
  if (outcome === 'niet') return;
  let at =
    outcome === 'op-tijd'
      ? officeHours(rng, due - rng.int(0, 25))
      : officeHours(rng, due + rng.int(3, 30));
  if (at <= end.recordedAt) at = daysAfter(rng, end.recordedAt, rng.int(1, 5));
  timeline.add('rvdk-toetsing', at, by, { note: 'Toetsing afsluiting door de Raad' });
}

/**
 * Escalation (mostly ZOU, where the ladder has deadlines): a process escalation to the line
 * managers, or a content escalation to the breakthrough team, which holds procesregie for a
 * while (doorzettingsmacht).
 */
function escalation(c: Context, plan: number, end: number | null): void {
  const { rng, now, timeline, roles, region, team } = c;
  const zou = region.setup.region === 'ZOU';
  if (!c.teamInvolved || !rng.chance(zou ? 0.25 : 0.03)) return;
  const until = Math.min(end ?? now, now);
  if (until - plan < 20 * DAY) return;
  const lead = staff(c, team, 'teamleider');
  const raised = daysAfter(rng, plan, rng.int(14, Math.floor((until - plan) / DAY)));
  if (raised > until) return;
  if (rng.chance(zou ? 0.35 : 0.2)) {
    if (
      !timeline.add('doorbraakteam-overleg', raised, lead, {
        note: 'Casus ingebracht bij het doorbraakteam',
      })
    )
      return;
    const expert = region.expertTeam.id;
    roles.handOver('procesregie', 'organisatie', expert, null, raised, 'doorzettingsmacht', lead);
    if (rng.chance(0.1)) return;
    const agreed = workingDaysAfter(rng, raised, days(c, [1, 5], [7, 15]));
    if (!timeline.add('escalatie-afspraken', agreed, lead, { note: 'Nieuwe afspraken vastgelegd' }))
      return;
    const back = daysAfter(rng, agreed, rng.int(30, 90));
    if (c.route === 'A')
      roles.handOver(
        'procesregie',
        'organisatie',
        team.id,
        null,
        back,
        'terug naar het lokale team',
        lead,
      );
    else roles.end('procesregie', back);
    return;
  }
  if (!timeline.add('escalatie-proces', raised, lead, { note: 'Procesescalatie naar de lijn' }))
    return;
  if (rng.chance(0.1)) return;
  const talk = daysAfter(rng, raised, days(c, [3, 13], [16, 30]));
  if (!timeline.add('escalatie-gesprek', talk, lead, { note: 'Gesprek tussen leidinggevenden' }))
    return;
  if (rng.chance(0.1)) return;
  const agreed = workingDaysAfter(rng, talk, days(c, [1, 5], [7, 15]));
  timeline.add('escalatie-afspraken', agreed, lead, { note: 'Commitment en nieuwe afspraken' });
}

/**
 * Now and then the help moves to another provider of the region (a new placement): the other
 * named one, or with numbered providers one drawn by their shares from the crew stream.
 */
function changeProvider(c: Context, start: number, end: number | null): void {
  const { rng, now, roles, region, provider } = c;
  const until = Math.min(end ?? now, now);
  if (until - start < 90 * DAY || !rng.chance(0.08)) return;
  const others = region.providerShares.filter(([p]) => p.id !== provider.id);
  const other =
    region.providers.length > region.setup.providers.length && others.length > 0
      ? c.crewRng.weighted(others)
      : others[0]?.[0];
  if (!other) return;
  const at = daysAfter(rng, start, rng.int(45, Math.floor((until - start) / DAY) - 1));
  if (at > until) return;
  roles.end('behandelregie', at, provider.id);
  roles.start(
    'behandelregie',
    'organisatie',
    other.id,
    null,
    at,
    'overstap naar andere aanbieder',
    staff(c, other, 'planner'),
  );
}

/** A family that is doing better takes casusregie back (RIJ: re-assess at every stage). */
function handBack(c: Context, start: number, end: number | null): void {
  const { rng, now, roles, team } = c;
  const current = roles.list.find((r) => r.role === 'casusregie' && r.endsAt === null);
  if (current?.holder !== 'professional' || c.weight === 'zwaar' || !rng.chance(0.25)) return;
  const until = Math.min(end ?? now, now);
  if (until - start < 60 * DAY) return;
  const at = daysAfter(rng, start, rng.int(30, Math.floor((until - start) / DAY)));
  if (at > until) return;
  roles.handOver(
    'casusregie',
    'gezin',
    null,
    null,
    at,
    'gezin neemt de casusregie terug',
    staff(c, team, 'casusregisseur'),
  );
}

/** Suspension by the family (RIJ-TERM-SUSPEND): resumed within 8 weeks, late, or lapsed. */
function suspension(c: Context): void {
  const { rng, now, timeline } = c;
  const helpStart = c.helpStart;
  if (helpStart === null || !rng.chance(c.region.setup.region === 'RIJ' ? 0.1 : 0.04)) return;
  // Well before a closure, so the end evaluation stays.
  const until = Math.min((c.closedAt ?? now + 100 * DAY) - 100 * DAY, c.stalledAt ?? now, now);
  if (until - helpStart < 45 * DAY) return;
  const therapist = staff(c, c.provider, 'behandelaar');
  const at = daysAfter(rng, helpStart, rng.int(30, Math.floor((until - helpStart) / DAY)));
  if (at > until) return;
  const outcome = rng.weighted([
    ['hervat', 70],
    ['te-laat', 15],
    ['vervallen', 15],
  ]);
  const resumed =
    outcome === 'vervallen'
      ? null
      : daysAfter(rng, at, outcome === 'hervat' ? rng.int(10, 50) : rng.int(60, 90));
  // Nothing happens while the help is suspended.
  const pausedUntil = resumed ?? Number.POSITIVE_INFINITY;
  const quiet: readonly EventType[] = ['evaluatie', 'contact', 'verslag-verspreid'];
  const kept = timeline.events.filter(
    (e) => !(quiet.includes(e.type) && e.at > at && e.at < pausedUntil),
  );
  timeline.events.length = 0;
  timeline.events.push(...kept);
  timeline.add('opschorting', at, therapist, { note: 'Gezin stopt de hulp tijdelijk' });
  if (resumed !== null) {
    timeline.add('hervatting', resumed, therapist, { note: 'Hulp hervat, nieuw startbericht' });
    return;
  }
  // After eight weeks the entitlement lapses and the case closes.
  const lapsed = daysAfter(rng, at, 56 + rng.int(1, 10));
  c.closedAt = lapsed <= now ? lapsed : null;
}

/** Toekomstplan per young person around 16.5 (LEK-TERM-TOEKOMSTPLAN), on time or late. */
function futurePlans(c: Context, persons: readonly PlannedPerson[]): void {
  const { rng, now, timeline } = c;
  const helpStart = c.helpStart;
  if (helpStart === null) return;
  const author = staff(c, c.provider, 'behandelaar');
  persons.forEach((person, index) => {
    if (person.kind !== 'jeugdige' || person.birthDate === null) return;
    const birth = parseIsoDate(person.birthDate);
    if (birth === null) return;
    const due = addYearsMonths(birth, 16, 6);
    if (startOfLocalDay(due) > now + 150 * DAY) return;
    const outcome = rng.weighted([
      ['op-tijd', c.pace === 'vlot' ? 65 : 40],
      ['te-laat', 20],
      ['niet', c.pace === 'vlot' ? 15 : 40],
    ]);
    if (outcome === 'niet') return;
    let at =
      outcome === 'op-tijd'
        ? officeHours(rng, due - rng.int(10, 120))
        : officeHours(rng, due + rng.int(7, 60));
    if (at <= helpStart) at = daysAfter(rng, helpStart, rng.int(1, 20));
    timeline.add('toekomstplan', at, author, {
      childIndex: index,
      note: 'Toekomstplan (wonen, school en werk, geld na 18)',
    });
  });
}

// ---------------------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------------------

const CASE_AGE_DAYS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 14], 12],
  [[15, 60], 18],
  [[61, 240], 35],
  [[241, 540], 25],
  [[541, 900], 10],
];
const COURT_CASE_AGE_DAYS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 14], 6],
  [[15, 60], 12],
  [[61, 365], 37],
  [[366, 900], 45],
];

/**
 * Plans one case from `rng`; `crewRng` only picks which colleagues work on it (see `staff`), so
 * the case is the same with more or fewer staff.
 */
export function planCase(
  rng: Random,
  regions: readonly RegionOrganisations[],
  nowMs: number,
  usedBsns: Set<string>,
  crewRng: Random,
): PlannedCase {
  const region = rng.weighted(regions.map((r) => [r, r.setup.weight] as const));
  const route = rng.weighted<Route>([
    ['A', 60],
    ['B', 25],
    ['C', 15],
  ]);
  const measure =
    route === 'C'
      ? rng.weighted<Measure>([
          ['ots', 60],
          ['jeugdreclassering', 25],
          ['voogdij', 15],
        ])
      : null;
  const segment = chooseSegment(rng, route, measure);
  const crisis = CRISIS.includes(segment);
  const today = localDay(nowMs);
  const [minAge, maxAge] = crisis
    ? [0, 56]
    : rng.weighted(route === 'C' ? COURT_CASE_AGE_DAYS : CASE_AGE_DAYS);
  const caseAge = rng.int(minAge, maxAge);
  let registeredAt = crisis
    ? atLocal(today - caseAge, rng.int(0, 23), rng.int(0, 59))
    : officeHours(rng, today - caseAge);
  if (registeredAt > nowMs) registeredAt = nowMs - rng.int(5, 180) * MINUTE;

  const home = household(rng, today, caseAge, measure, usedBsns);
  const weight = chooseWeight(rng, route, segment);
  const facts = planFacts(rng, route, segment, weight);
  const team = rng.pick(region.teams);
  // Drawn from the case's stream among the named providers as ever; with numbered providers
  // (large sets) the crew stream places the case by the providers' shares instead, and a
  // route C case by the GIs' shares, so the rest of the case stays the same.
  const named = rng.pick(region.providers.slice(0, region.setup.providers.length));
  const numbered = region.providers.length > region.setup.providers.length;
  const provider = numbered ? crewRng.weighted(region.providerShares) : named;
  const gi =
    route === 'C' && region.giShares.length > 1 ? crewRng.weighted(region.giShares) : region.gi;
  const pace = rng.weighted<Pace>([
    ['vlot', 65],
    ['traag', 25],
    ['vastgelopen', 10],
  ]);

  let referrer: PlannedCase['referrer'] = null;
  let teamInvolved = true;
  let registeredBy: DemoOrganisation;
  if (route === 'A') registeredBy = team;
  else if (route === 'B') {
    registeredBy = provider;
    const type = rng.weighted<ReferrerType>([
      ['huisarts', 65],
      ['jeugdarts', 15],
      ['medisch-specialist', 20],
    ]);
    referrer = {
      type,
      code:
        type === 'huisarts' && region.practice.agbCode !== null
          ? region.practice.agbCode
          : String(rng.int(10_000_000, 99_999_999)),
    };
    // Opt-out: the family does not want the local team informed (DOMAIN 3, route B).
    teamInvolved = !rng.chance(0.15);
  } else {
    registeredBy = gi;
    teamInvolved = rng.chance(0.7);
  }

  const roles = new Roles(nowMs);
  const c: Context = {
    rng,
    now: nowMs,
    region,
    route,
    segment,
    measure,
    weight,
    facts,
    registeredAt,
    team,
    provider,
    gi,
    teamInvolved,
    timeline: new Timeline(registeredAt, nowMs),
    roles,
    pace,
    stepsLeft: pace === 'vastgelopen' ? rng.int(1, 6) : Number.POSITIVE_INFINITY,
    helpStart: null,
    closedAt: null,
    stalledAt: null,
    crewRng,
    crew: new Map(),
  };

  // The first assignments and events mirror `registerRequest` (store/cases.ts).
  const registrar =
    route === 'A'
      ? staff(c, team, 'casusregisseur')
      : route === 'B'
        ? staff(c, provider, 'planner')
        : staff(c, gi, 'jeugdbeschermer');
  const initial = 'bij registratie';
  if (route === 'A') {
    roles.start('procesregie', 'organisatie', team.id, null, registeredAt, initial, registrar);
    roles.start('casusregie', 'gezin', null, null, registeredAt, initial, registrar);
  } else if (route === 'B') {
    roles.start(
      'behandelregie',
      'organisatie',
      provider.id,
      null,
      registeredAt,
      initial,
      registrar,
    );
    roles.start('casusregie', 'gezin', null, null, registeredAt, initial, registrar);
  } else {
    roles.start('procesregie', 'organisatie', gi.id, null, registeredAt, initial, registrar);
    roles.start('casusregie', 'professional', gi.id, registrar, registeredAt, initial, registrar);
  }
  let courtDay: DayNumber | null = null;
  if (route === 'C') {
    courtDay = localDay(registeredAt) - rng.int(0, 10);
    c.timeline.add('rechterlijke-opdracht', startOfLocalDay(courtDay), registrar, {
      note: `Uitspraak kinderrechter: ${measure ?? ''}`,
    });
  }
  c.timeline.add(
    'aanmelding',
    registeredAt,
    registrar,
    referrer ? { note: `Verwezen door ${referrer.type}` } : {},
  );

  if (courtDay === null) voluntary(c);
  else courtMeasure(c, courtDay);
  suspension(c);
  futurePlans(c, home.persons);

  const closedAt = c.closedAt;
  if (closedAt !== null) roles.close(closedAt);
  const events = c.timeline.events
    .filter((e) => closedAt === null || e.at <= closedAt)
    .sort((a, b) => a.at - b.at);
  const started = events.some((e) => e.type === 'start-hulp');
  const step =
    closedAt !== null
      ? 'stap-3'
      : route === 'C'
        ? events.some((e) => e.type === 'gezinsplan')
          ? 'stap-2'
          : 'stap-1'
        : started
          ? 'stap-2'
          : 'stap-1';

  return {
    region: region.setup.region,
    householdLabel: home.label,
    route,
    segment,
    measure,
    step,
    responsibleTeamId: teamInvolved ? team.id : null,
    registeredByOrgId: registeredBy.id,
    referrer,
    courtOrderDate: courtDay === null ? null : formatIsoDate(courtDay),
    facts,
    registeredAt,
    closedAt,
    persons: home.persons,
    roles: roles.list,
    events,
  };
}

/**
 * The demo organisations of the five regions, named in each region's own words (Sociaal Team,
 * JGH, WIJ-team, …), with one staff account per role that makes sense for the organisation.
 * The organisation names are made up; the places are real.
 */
import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../domain/access/case-access.js';
import type { OrganisationTable } from '../store/schema.js';
import { adultName, standalone, surname } from './names.js';
import type { Random } from './random.js';

export const DEMO_EMAIL_DOMAIN = 'demo.casusregie.nl';

type Kind = OrganisationTable['kind'];

interface RegionSetup {
  readonly region: string;
  /** Lower-case code in the e-mail addresses. */
  readonly slug: string;
  readonly municipality: string;
  /** The youth-care region's name, in the names of numbered providers and GIs. */
  readonly area: string;
  /** The municipality's CBS code: its identity in iJw messages (Afzender/Ontvanger). */
  readonly cbsCode: string;
  readonly teams: readonly string[];
  readonly providers: readonly string[];
  readonly gi: string;
  readonly practice: string;
  readonly expertTeam: string;
  /** The crisis team that takes temporary crisiscasusregie (RIJ calls it CIT). */
  readonly crisisTeam: string;
  /** What the region calls the plan the local team makes with the family. */
  readonly planName: string;
  /** Share of the demo cases. */
  readonly weight: number;
}

export const REGION_SETUPS: readonly RegionSetup[] = [
  {
    region: 'RIJ',
    slug: 'rij',
    area: 'Rijnmond',
    municipality: 'Gemeente Rotterdam',
    cbsCode: '0599',
    teams: ['Lokaal team Rotterdam-Noord', 'Lokaal team Rotterdam-Zuid'],
    providers: ['Jeugdhulp De Maasoever', 'Kinderpraktijk Kralingse Plas'],
    gi: 'Jeugdbescherming Maasdelta',
    practice: 'Huisartsenpraktijk Blijdorp',
    expertTeam: 'Team Zorgbemiddeling Rijnmond',
    crisisTeam: 'Crisisinterventieteam Rijnmond',
    planName: 'ondersteuningsplan',
    weight: 30,
  },
  {
    region: 'LEK',
    slug: 'lek',
    area: 'Lekstroom',
    municipality: 'Gemeente Nieuwegein',
    cbsCode: '0356',
    teams: ['Sociaal Team Nieuwegein'],
    providers: ['Jeugdzorg Lekpoort', 'Gezinsvormen Vreeswijk'],
    gi: 'Samen Jeugdbescherming Lekstroom',
    practice: 'Huisartsenpraktijk Batau',
    expertTeam: 'Voordeur Gezinsvormen Lekstroom',
    crisisTeam: 'Crisisdienst Jeugd Lekstroom',
    planName: 'ondersteuningsplan',
    weight: 17,
  },
  {
    region: 'ZTM',
    slug: 'ztm',
    area: 'Zoetermeer',
    municipality: 'Gemeente Zoetermeer',
    cbsCode: '0637',
    teams: ['JGH Zoetermeer'],
    providers: ['Jeugd-GGZ Stadshart', 'Ambulante Gezinshulp Rokkeveen'],
    gi: 'Jeugdbescherming Haaglanden-Oost',
    practice: 'Huisartsenpraktijk Seghwaert',
    expertTeam: 'Casuïstiekoverleg JGH Zoetermeer',
    crisisTeam: 'Crisisteam Jeugd Haaglanden',
    planName: 'gezinsplan',
    weight: 15,
  },
  {
    region: 'ZOU',
    slug: 'zou',
    area: 'Zuidoost-Utrecht',
    municipality: 'Gemeente Utrechtse Heuvelrug',
    cbsCode: '0352',
    teams: ['Lokaal team Doorn', 'Lokaal team Driebergen'],
    providers: ['Jeugdhulp Heuvelrug', 'Orthopedagogisch Centrum Kromme Rijn'],
    gi: 'Jeugdbescherming Kromme Rijn',
    practice: 'Huisartsenpraktijk Maarn',
    expertTeam: 'Regionaal Doorbraakteam Zuid Oost Utrecht',
    crisisTeam: 'Crisisdienst Jeugd Zuidoost-Utrecht',
    planName: 'ondersteuningsplan',
    weight: 18,
  },
  {
    region: 'GRO',
    slug: 'gro',
    area: 'Groningen',
    municipality: 'Gemeente Groningen',
    cbsCode: '0014',
    teams: ['WIJ-team Oosterparkwijk', 'WIJ-team Vinkhuizen'],
    providers: ['Jeugdhulp Stad en Ommeland', 'Behandelcentrum Hoornse Meer'],
    gi: 'Jeugdbescherming Noorderzijl',
    practice: 'Huisartsenpraktijk Helpman',
    expertTeam: 'Expertpool Groningen',
    crisisTeam: 'Crisisteam Jeugd Groningen',
    planName: 'familiegroepsplan',
    weight: 20,
  },
];

/** Which staff roles an organisation of a kind gets, one account each. */
const ROLES_BY_KIND: Readonly<Record<Kind, readonly StaffRole[]>> = {
  gemeente: ['backoffice', 'beheerder', 'management'],
  'lokaal-team': ['casusregisseur', 'teamleider'],
  aanbieder: ['planner', 'behandelaar'],
  gi: ['jeugdbeschermer'],
  huisartsenpraktijk: ['huisarts'],
  expertteam: [],
  crisisteam: ['crisismedewerker'],
};

export interface DemoOrganisation {
  readonly id: string;
  readonly kind: Kind;
  readonly name: string;
  readonly region: string;
  readonly agbCode: string | null;
  readonly parentId: string | null;
  /** Staff id per role: the organisation's first (named) account of the role. */
  readonly staff: ReadonlyMap<StaffRole, string>;
  /**
   * Every account per role, the one in `staff` first: at a larger number of cases numbered
   * colleagues share the work (see {@link planStaffing}).
   */
  readonly members: ReadonlyMap<StaffRole, readonly string[]>;
  /** The code in the numbered accounts' e-mail addresses (`<role>.<code>-<n>`). */
  readonly code: string;
}

export interface DemoStaff {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly email: string;
  readonly role: StaffRole;
}

/** The organisations of one region, by what they do in a case. */
export interface RegionOrganisations {
  readonly setup: RegionSetup;
  readonly municipality: DemoOrganisation;
  readonly teams: readonly DemoOrganisation[];
  /** Every provider of the region: the named ones first, then numbered ones (large sets). */
  readonly providers: readonly DemoOrganisation[];
  /** Each provider with its share of the region's cases, for a weighted pick. */
  readonly providerShares: readonly (readonly [DemoOrganisation, number])[];
  /** The region's named GI. */
  readonly gi: DemoOrganisation;
  /** The GIs that take route C cases (the named one first) with their shares of them. */
  readonly giShares: readonly (readonly [DemoOrganisation, number])[];
  readonly practice: DemoOrganisation;
  readonly expertTeam: DemoOrganisation;
  readonly crisisTeam: DemoOrganisation;
}

/** A region's named organisations, before staffing for the number of cases. */
type Unstaffed = Omit<RegionOrganisations, 'providerShares' | 'giShares'>;

export interface DemoOrganisations {
  readonly regions: readonly RegionOrganisations[];
  readonly organisations: readonly DemoOrganisation[];
  readonly staff: readonly DemoStaff[];
}

/** A staff id of the organisation; throws when the organisation has no such account. */
export function staffOf(organisation: DemoOrganisation, role: StaffRole): string {
  const id = organisation.staff.get(role);
  if (id === undefined) throw new Error(`${organisation.name} heeft geen ${role}`);
  return id;
}

/** An AGB code: two digits for the kind of care, six for the practice or institution. */
function agbCode(rng: Random, prefix: string): string {
  return `${prefix}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

/**
 * Realistic caseloads (issue 11): open cases per professional. A casusregisseur of a local team
 * holds the casusregie of 35-45 families, a jeugdbeschermer 15-20, a behandelaar about 20
 * families in treatment; a provider's planner handles the intake and planning for about 200.
 * A local team has about 12 casusregisseurs under one teamleider.
 */
export const CASELOAD = {
  casusregisseur: 40,
  jeugdbeschermer: 17,
  behandelaar: 20,
  planner: 200,
} as const;
export const TEAM_SIZE = 12;
/**
 * Shares of all demo cases that are open and on someone's desk, as the case planner produces
 * them (measured over 100,000 cases): with a professional casusregie at a local team, with a
 * jeugdbeschermer (route C), with behandelregie at a provider.
 */
const OPEN_SHARE = { team: 0.29, gi: 0.146, provider: 0.74 } as const;

/**
 * A region contracts dozens of providers, most with a few hundred clients (issue 11): at a
 * larger number of cases numbered providers join the named ones until a provider holds about
 * this many open cases on average; each numbered provider's share of the region's cases is
 * drawn from {@link NUMBERED_PROVIDER_SHARE} times a named provider's, so sizes range from
 * about 200 to 600.
 */
export const OPEN_CASES_PER_PROVIDER = 400;
const NUMBERED_PROVIDER_SHARE = [0.5, 1.5] as const;
/**
 * Route C goes to several certified institutions: besides the regional GI a national one for
 * children with a (mild) intellectual disability and one that also does adult probation, each
 * with an office in the region. A second joins from this many open route C cases in the region,
 * a third from twice as many; they take these shares of the region's route C cases.
 */
const OPEN_CASES_PER_EXTRA_GI = 300;
const GI_SHARES = [50, 30, 20] as const;
const EXTRA_GI_NAMES = [
  'Stichting Jeugdbescherming LVB, regio',
  'Jeugdbescherming en Reclassering Het Baken, regio',
] as const;

/** How many professionals of a kind carry `load` open cases at a realistic caseload. */
const headcount = (load: number, perPerson: number): number =>
  Math.max(1, Math.round(load / perPerson));

/**
 * The staffing of one region for `cases` demo cases in total: how many local teams (and
 * casusregisseurs per team), providers and GIs, and the open cases all providers and all GIs
 * hold together (staffed per organisation by its share, see {@link CASELOAD}). At a few cases
 * this is the named organisations and accounts alone (one per role and organisation).
 */
export function planStaffing(
  setup: RegionSetup,
  cases: number,
): {
  teams: number;
  casusregisseursPerTeam: number;
  providers: number;
  providerLoad: number;
  gis: number;
  giLoad: number;
} {
  const totalWeight = REGION_SETUPS.reduce((sum, r) => sum + r.weight, 0);
  const regionCases = (cases * setup.weight) / totalWeight;
  const casusregisseurs = headcount(regionCases * OPEN_SHARE.team, CASELOAD.casusregisseur);
  const teams = Math.max(setup.teams.length, Math.ceil(casusregisseurs / TEAM_SIZE));
  const providerLoad = regionCases * OPEN_SHARE.provider;
  const giLoad = regionCases * OPEN_SHARE.gi;
  return {
    teams,
    casusregisseursPerTeam: headcount(
      (regionCases * OPEN_SHARE.team) / teams,
      CASELOAD.casusregisseur,
    ),
    providers: Math.max(setup.providers.length, Math.round(providerLoad / OPEN_CASES_PER_PROVIDER)),
    providerLoad,
    gis: Math.min(GI_SHARES.length, 1 + Math.floor(giLoad / OPEN_CASES_PER_EXTRA_GI)),
    giLoad,
  };
}

const PROVIDER_KINDS = [
  'Jeugdhulp',
  'Kinderpraktijk',
  'Gezinsbehandeling',
  'Jeugd-GGZ',
  'Orthopedagogisch centrum',
  'Behandelcentrum',
  'Dagbehandeling',
  'Ambulante jeugdhulp',
  'Jeugdzorg',
] as const;
const PROVIDER_NAMES = (
  'De Linde, Het Anker, De Brug, De Wilg, Het Kompas, De Vlinder, De Boomgaard, De Horizon, ' +
  'Zonnewijzer, De Klimop, Het Nest, De Eik, De Regenboog, Het Veldhuis, De Vuurtoren, ' +
  'Het Palet, De Kameleon, De Waaier, De Zeef, Het Groeihuis'
).split(', ');

/** A made-up provider name: a kind of care with a symbolic name or the founder's surname. */
function providerName(rng: Random): string {
  const kind = rng.pick(PROVIDER_KINDS);
  return rng.chance(0.4)
    ? `${kind} ${standalone(surname(rng))}`
    : `${kind} ${rng.pick(PROVIDER_NAMES)}`;
}

/**
 * The demo organisations and their accounts, staffed for `cases` demo cases: the named accounts
 * (one per role and organisation) always, and when the cases need more people numbered
 * colleagues (`<role>.<code>-<n>`) and more local teams, each with its own teamleider, numbered
 * providers and GIs with their own staff (see {@link OPEN_CASES_PER_PROVIDER}).
 */
export function planOrganisations(rng: Random, cases = 0): DemoOrganisations {
  const organisations: DemoOrganisation[] = [];
  const staff: DemoStaff[] = [];
  const usedAgb = new Set<string>();

  const organisation = (
    setup: RegionSetup,
    kind: Kind,
    name: string,
    parentId: string | null,
    emailSuffix: string,
    code: string,
    numbered = false,
  ): DemoOrganisation => {
    let agb: string | null = kind === 'gemeente' ? setup.cbsCode : null;
    if (kind === 'aanbieder' || kind === 'huisartsenpraktijk') {
      do agb = agbCode(rng, kind === 'aanbieder' ? '98' : '01');
      while (usedAgb.has(agb));
      usedAgb.add(agb);
    }
    const id = randomUUID();
    const accounts = new Map<StaffRole, string>();
    const members = new Map<StaffRole, string[]>();
    for (const role of ROLES_BY_KIND[kind]) {
      const staffId = randomUUID();
      accounts.set(role, staffId);
      members.set(role, [staffId]);
      staff.push({
        id: staffId,
        organisationId: id,
        name: adultName(rng, surname(rng)),
        email: numbered
          ? `${role}.${code}-1@${DEMO_EMAIL_DOMAIN}`
          : `${role}.${setup.slug}${emailSuffix}@${DEMO_EMAIL_DOMAIN}`,
        role,
      });
    }
    const created: DemoOrganisation = {
      id,
      kind,
      name,
      region: setup.region,
      agbCode: agb,
      parentId,
      staff: accounts,
      members,
      code,
    };
    organisations.push(created);
    return created;
  };
  const suffix = (index: number): string => (index === 0 ? '' : `-${index + 1}`);

  const regions = REGION_SETUPS.map((setup): Omit<Unstaffed, 'crisisTeam'> => {
    const { slug } = setup;
    const municipality = organisation(setup, 'gemeente', setup.municipality, null, '', slug);
    return {
      setup,
      municipality,
      teams: setup.teams.map((name, i) =>
        organisation(setup, 'lokaal-team', name, municipality.id, suffix(i), `${slug}-lt${i + 1}`),
      ),
      providers: setup.providers.map((name, i) =>
        organisation(setup, 'aanbieder', name, null, suffix(i), `${slug}-a${i + 1}`),
      ),
      gi: organisation(setup, 'gi', setup.gi, null, '', `${slug}-gi`),
      practice: organisation(setup, 'huisartsenpraktijk', setup.practice, null, '', slug),
      expertTeam: organisation(setup, 'expertteam', setup.expertTeam, null, '', slug),
    };
  });
  // Added after everything else so the names and codes drawn above stay the same per seed.
  const withCrisis = regions.map((region): Unstaffed => {
    const { setup, municipality } = region;
    const staffId = randomUUID();
    (municipality.staff as Map<StaffRole, string>).set('contractmanager', staffId);
    staff.push({
      id: staffId,
      organisationId: municipality.id,
      name: adultName(rng, surname(rng)),
      email: `contractmanager.${setup.slug}@${DEMO_EMAIL_DOMAIN}`,
      role: 'contractmanager',
    });
    return {
      ...region,
      crisisTeam: organisation(setup, 'crisisteam', setup.crisisTeam, null, '', `${setup.slug}-ct`),
    };
  });
  // The privacy officer of each municipality (issue 8), last so earlier draws stay the same.
  for (const { setup, municipality } of withCrisis) {
    const staffId = randomUUID();
    (municipality.staff as Map<StaffRole, string>).set('privacyfunctionaris', staffId);
    staff.push({
      id: staffId,
      organisationId: municipality.id,
      name: adultName(rng, surname(rng)),
      email: `privacyfunctionaris.${setup.slug}@${DEMO_EMAIL_DOMAIN}`,
      role: 'privacyfunctionaris',
    });
  }
  // Staffing for the number of cases (issue 11), last so the named accounts stay the same.
  const member = (org: DemoOrganisation, role: StaffRole, count: number): void => {
    const members = org.members.get(role) as string[];
    for (let n = members.length + 1; n <= count; n++) {
      const id = randomUUID();
      members.push(id);
      staff.push({
        id,
        organisationId: org.id,
        name: adultName(rng, surname(rng)),
        email: `${role}.${org.code}-${n}@${DEMO_EMAIL_DOMAIN}`,
        role,
      });
    }
  };
  const names = new Set(organisations.map((o) => o.name));
  const staffed = withCrisis.map((region): RegionOrganisations => {
    const { setup, municipality } = region;
    const plan = planStaffing(setup, cases);
    const teams = [...region.teams];
    for (let i = teams.length; i < plan.teams; i++) {
      const base = setup.teams[i % setup.teams.length] ?? setup.teams[0] ?? '';
      const name = `${base} ${Math.floor(i / setup.teams.length) + 1}`;
      teams.push(
        organisation(
          setup,
          'lokaal-team',
          name,
          municipality.id,
          '',
          `${setup.slug}-lt${i + 1}`,
          true,
        ),
      );
    }
    for (const team of teams) member(team, 'casusregisseur', plan.casusregisseursPerTeam);
    const providerShares = region.providers.map((p) => [p, 1] as [DemoOrganisation, number]);
    for (let i = providerShares.length; i < plan.providers; i++) {
      let name = providerName(rng);
      for (let tries = 0; names.has(name) && tries < 5; tries++) name = providerName(rng);
      if (names.has(name)) name = `${name} ${setup.area} ${i + 1}`;
      names.add(name);
      const provider = organisation(
        setup,
        'aanbieder',
        name,
        null,
        '',
        `${setup.slug}-a${i + 1}`,
        true,
      );
      providerShares.push([provider, rng.between(...NUMBERED_PROVIDER_SHARE)]);
    }
    const giShares: [DemoOrganisation, number][] = [[region.gi, GI_SHARES[0]]];
    for (let i = 1; i < plan.gis; i++) {
      const gi = organisation(
        setup,
        'gi',
        `${EXTRA_GI_NAMES[i - 1] ?? 'Jeugdbescherming, regio'} ${setup.area}`,
        null,
        '',
        `${setup.slug}-gi${i + 1}`,
        true,
      );
      giShares.push([gi, GI_SHARES[i] ?? 0]);
    }
    const staffShares = (
      shares: readonly (readonly [DemoOrganisation, number])[],
      load: number,
      roles: readonly StaffRole[],
    ): void => {
      const total = shares.reduce((sum, [, share]) => sum + share, 0);
      for (const [org, share] of shares)
        for (const role of roles)
          member(
            org,
            role,
            headcount((load * share) / total, CASELOAD[role as keyof typeof CASELOAD]),
          );
    };
    staffShares(giShares, plan.giLoad, ['jeugdbeschermer']);
    staffShares(providerShares, plan.providerLoad, ['planner', 'behandelaar']);
    return {
      ...region,
      teams,
      providers: providerShares.map(([p]) => p),
      providerShares,
      giShares,
    };
  });
  return { regions: staffed, organisations, staff };
}

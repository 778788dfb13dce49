/**
 * The demo organisations of the five regions, named in each region's own words (Sociaal Team,
 * JGH, WIJ-team, …), with one staff account per role that makes sense for the organisation.
 * The organisation names are made up; the places are real.
 */
import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../domain/access/case-access.js';
import type { OrganisationTable } from '../store/schema.js';
import { adultName, surname } from './names.js';
import type { Random } from './random.js';

export const DEMO_EMAIL_DOMAIN = 'demo.casusregie.nl';

type Kind = OrganisationTable['kind'];

interface RegionSetup {
  readonly region: string;
  /** Lower-case code in the e-mail addresses. */
  readonly slug: string;
  readonly municipality: string;
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
  /** Staff id per role. */
  readonly staff: ReadonlyMap<StaffRole, string>;
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
  readonly providers: readonly DemoOrganisation[];
  readonly gi: DemoOrganisation;
  readonly practice: DemoOrganisation;
  readonly expertTeam: DemoOrganisation;
  readonly crisisTeam: DemoOrganisation;
}

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

export function planOrganisations(rng: Random): DemoOrganisations {
  const organisations: DemoOrganisation[] = [];
  const staff: DemoStaff[] = [];
  const usedAgb = new Set<string>();

  const organisation = (
    setup: RegionSetup,
    kind: Kind,
    name: string,
    parentId: string | null,
    emailSuffix: string,
  ): DemoOrganisation => {
    let agb: string | null = kind === 'gemeente' ? setup.cbsCode : null;
    if (kind === 'aanbieder' || kind === 'huisartsenpraktijk') {
      do agb = agbCode(rng, kind === 'aanbieder' ? '98' : '01');
      while (usedAgb.has(agb));
      usedAgb.add(agb);
    }
    const id = randomUUID();
    const accounts = new Map<StaffRole, string>();
    for (const role of ROLES_BY_KIND[kind]) {
      const staffId = randomUUID();
      accounts.set(role, staffId);
      staff.push({
        id: staffId,
        organisationId: id,
        name: adultName(rng, surname(rng)),
        email: `${role}.${setup.slug}${emailSuffix}@${DEMO_EMAIL_DOMAIN}`,
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
    };
    organisations.push(created);
    return created;
  };
  const suffix = (index: number): string => (index === 0 ? '' : `-${index + 1}`);

  const regions = REGION_SETUPS.map((setup): Omit<RegionOrganisations, 'crisisTeam'> => {
    const municipality = organisation(setup, 'gemeente', setup.municipality, null, '');
    return {
      setup,
      municipality,
      teams: setup.teams.map((name, i) =>
        organisation(setup, 'lokaal-team', name, municipality.id, suffix(i)),
      ),
      providers: setup.providers.map((name, i) =>
        organisation(setup, 'aanbieder', name, null, suffix(i)),
      ),
      gi: organisation(setup, 'gi', setup.gi, null, ''),
      practice: organisation(setup, 'huisartsenpraktijk', setup.practice, null, ''),
      expertTeam: organisation(setup, 'expertteam', setup.expertTeam, null, ''),
    };
  });
  // Added after everything else so the names and codes drawn above stay the same per seed.
  const withCrisis = regions.map((region): RegionOrganisations => {
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
      crisisTeam: organisation(setup, 'crisisteam', setup.crisisTeam, null, ''),
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
  return { regions: withCrisis, organisations, staff };
}

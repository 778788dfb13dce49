/**
 * The web UI's only way to the server: JSON over /api/v1 with the session cookie and, for
 * changes, the CSRF token the session handed out. Errors arrive as `ApiFailure` with the
 * server's Dutch message and per-field problems.
 */

export interface FieldProblem {
  /** Dotted path as the server names it, e.g. `body.jeugdigen.0.bsn`. */
  readonly path: string;
  readonly message: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    /** A stale write's `wijziging` (409, ADR 0028): who saved what, when. */
    readonly staleWrite: StaleWrite | null = null,
  ) {
    super(message);
  }
}

/** What a 409 on a stale edit tells: the revision now, who saved it when, what changed. */
export interface StaleWrite {
  readonly revisie: number;
  readonly basisRevisie: number;
  readonly door: string | null;
  readonly op: string | null;
  readonly velden: readonly { readonly path: string; readonly label: string }[];
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: FieldProblem[]; wijziging?: StaleWrite };
}

/**
 * Calls the API. The body is sent as JSON, or as-is when `contentType` is given (a CSV file).
 */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  contentType?: string,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined
        ? { body: contentType && typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    });
  } catch {
    throw new ApiFailure(0, 'network', 'De server is niet bereikbaar. Probeer het zo opnieuw.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const error = (parsed as ErrorBody | null)?.error;
    throw new ApiFailure(
      response.status,
      error?.code ?? 'unknown',
      error?.message ?? 'Er ging iets mis. Probeer het opnieuw.',
      error?.fields ?? [],
      error?.wijziging ?? null,
    );
  }
  return parsed as T;
}

// --- Response shapes (as the API documents them in /api/v1/openapi.json) ------------------

export interface Me {
  readonly medewerker: {
    readonly id: string;
    readonly naam: string;
    readonly organisatieId: string;
    readonly organisatie: string;
    readonly organisatieSoort: string;
    readonly regio: string;
    readonly rollen: readonly string[];
  };
  readonly csrfToken: string;
}

export type DeadlineStatus = 'met' | 'met-late' | 'overdue' | 'open';

export interface Deadline {
  readonly rule: string;
  readonly titel?: string | null;
  readonly child: string | null;
  readonly start: string;
  readonly due: string;
  readonly status: DeadlineStatus;
  readonly metAt: string | null;
  readonly source: string;
  readonly sequence?: number;
  readonly purpose?: string;
  readonly effect?: string;
  readonly override?: { readonly by: string; readonly at: string; readonly reason: string };
}

export interface CaseView {
  readonly id: string;
  readonly regio: string;
  readonly route: 'A' | 'B' | 'C';
  readonly segment: string;
  readonly maatregel: string | null;
  readonly stap: string;
  readonly geregistreerdOp: string;
  readonly gezin: { readonly id: string; readonly naam: string };
  readonly personen: readonly {
    readonly id: string;
    readonly soort: string;
    readonly naam: string;
    readonly geboortedatum: string | null;
    readonly bsn: string | null;
  }[];
  readonly rollen: readonly {
    readonly id: string;
    readonly rol: string;
    readonly houder: string;
    readonly organisatieId: string | null;
    readonly medewerkerId: string | null;
    readonly medewerker: string | null;
    readonly organisatie: string | null;
    readonly vanaf: string;
    readonly tot: string | null;
    readonly reden: string | null;
  }[];
  readonly tijdlijn: readonly {
    readonly id: string;
    readonly type: string;
    readonly op: string;
    readonly jeugdigeId: string | null;
    readonly soort: string | null;
    readonly datum: string | null;
    readonly notitie: string | null;
  }[];
  readonly termijnen: readonly Deadline[];
  readonly beslissingen: readonly {
    readonly rule: string;
    readonly titel: string | null;
    readonly child?: string;
    readonly outcome: string;
    readonly reasons: readonly string[];
    readonly source: string;
  }[];
  readonly eisen: readonly {
    readonly rule: string;
    readonly titel: string | null;
    readonly outcome: 'voldaan' | 'nog-niet-voldaan';
    readonly reasons: readonly string[];
    readonly source: string;
  }[];
  readonly checklist: {
    readonly stap: string;
    readonly titel: string;
    readonly items: readonly {
      readonly key: string;
      readonly label: string;
      readonly done: boolean;
      readonly by: string | null;
    }[];
  } | null;
  readonly toegang: string;
  readonly magRollenToewijzen: boolean;
}

export interface OrganisationView {
  readonly id: string;
  readonly naam: string;
  readonly soort: string;
  readonly regio: string;
}

export interface StaffView {
  readonly id: string;
  readonly naam: string;
  readonly rollen: readonly string[];
}

export interface WorkListItem {
  readonly id: string;
  readonly gezin: string;
  readonly regio: string;
  readonly route: string;
  readonly stap: string;
  readonly segment: string;
  readonly volgende: Pick<Deadline, 'rule' | 'due' | 'status' | 'source'> | null;
  readonly verlopen: number;
  readonly open: number;
}

export interface WorkList {
  readonly aantallen: {
    readonly casussen: number;
    readonly verlopen: number;
    readonly open: number;
  };
  readonly pagina?: number;
  readonly perPagina?: number;
  readonly casussen: readonly WorkListItem[];
}

export interface RuleView {
  readonly id: string;
  readonly titel: string;
  readonly soort: string;
  readonly bron: string;
  readonly uitleg: string;
  readonly keuze: string | null;
  readonly profielen: readonly string[];
}

export interface RegionView {
  readonly id: string;
  readonly naam: string;
}

// --- Plans -------------------------------------------------------------------------------

export interface ApiGoal {
  id: string;
  resultaatgebied: string;
  omschrijving: string;
  meetbaarResultaat: string;
  eigenaar: { soort: string; naam: string };
  streefdatum: string;
  voortgang: string;
  /** Who of the family the goal is about (person ids); none: the plan's subject or the family. */
  betreft?: string[];
}

export interface ApiPlanContent {
  uitkomstAnalyse?: string;
  uitkomstRisicotaxatie?: string;
  doelen?: ApiGoal[];
  intensiteit?: string;
  verwachteDuur?: string;
  afstemmingSchool?: string;
  samenwerking?: string;
  afsprakenCasusregie?: Record<string, string>;
  huidigeSituatie?: string;
  redenMaatregel?: string;
  visieClient?: string;
  soortHulp?: string;
  frequentie?: string;
  perspectief?: string;
  toekomstdomeinen?: Record<string, string>;
  veiligheidsafspraken?: string;
  bodemeisen?: { eis: string; wie: string }[];
  gewensteHulp?: string;
  opgesteldDoor?: string;
  voorgesteldArrangement?: {
    resultaatgebieden: string[];
    intensiteit: string;
    duur: string;
    onderbouwing: string;
  };
  /** familiegroepsplan: the family's network and agreements (written in the portal). */
  netwerk?: { naam: string; steun: string }[];
  afspraken?: { id: string; wie: string; wat: string; wanneer: string }[];
}

export interface PlanVersionView {
  readonly id: string;
  readonly versie: number;
  readonly status: 'concept' | 'vastgesteld' | 'vervangen';
  readonly ingangsdatum: string;
  readonly inhoud: ApiPlanContent;
  readonly gemaaktOp: string;
  readonly vastgesteldOp: string | null;
  readonly handtekeningen: readonly {
    readonly persoonId: string;
    readonly naam: string;
    readonly op: string;
    readonly methode: string;
    readonly geldig: boolean;
  }[];
  readonly ondertekening: {
    readonly regel: string;
    readonly nodig: readonly { persoonId: string; naam: string; reden: string }[];
    readonly ontbreekt: readonly string[];
    readonly compleet: boolean;
    readonly melding: string | null;
  } | null;
  readonly nogNodig: readonly { pad: string; melding: string }[];
  readonly wijzigingen: readonly {
    readonly pad: string;
    readonly wat: string;
    readonly soort: string;
    readonly was: string | null;
    readonly wordt: string | null;
  }[];
}

export interface PlanView {
  readonly id: string;
  readonly casusId: string;
  readonly gezin: string;
  readonly soort: string;
  readonly jeugdigeId: string | null;
  /** The plan's revision: a save sends it back as `basisRevisie` (ADR 0028). */
  readonly revisie: number;
  readonly versies: readonly PlanVersionView[];
}

export interface PlanSummary {
  readonly id: string;
  readonly soort: string;
  readonly jeugdigeId: string | null;
  readonly versie: number;
  readonly status: string;
  readonly vastgesteldOp: string | null;
}

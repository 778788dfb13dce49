/**
 * Case routes: register a request (per route), read a case with its deadlines and decisions,
 * add a timeline event, assign a role, and the work list. Each route: access check (in the
 * store), zod validation, one store command, and a presenter.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { caseEvents, caseFacts } from '../../domain/cases/engine-input.js';
import { bsnProblem } from '../../domain/people/bsn.js';
import {
  STEP_CHECKLISTS,
  STEP_TITLES,
  stepChecklist,
  type Step,
} from '../../domain/steps/checklists.js';
import {
  EVALUATION_KINDS,
  EVENT_TYPES,
  MEASURES,
  SEGMENTS,
  evaluate,
  type EvaluationResult,
} from '../../domain/rules/index.js';
import { parseInstant, parseIsoDate, localDay } from '../../domain/time/index.js';
import {
  addEvent,
  assignRole,
  getCase,
  registerRequest,
  FLOW_ONLY_TYPES,
  TIMELINE_ONLY_TYPES,
  type CaseDetail,
} from '../../store/cases.js';
import { StoreError } from '../../store/errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, workList } from '../../store/work-list.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { ApiError, type ApiField } from '../errors.js';

const isoDate = z
  .string()
  .refine((v) => parseIsoDate(v) !== null, { error: 'geen geldige datum (JJJJ-MM-DD)' });
const instant = z.string().refine((v) => parseInstant(v) !== null, {
  error: 'geen geldig tijdstip, bijv. 2026-03-02T09:00:00+01:00',
});
const uuid = z.string().regex(/^[0-9a-f-]{36}$/i, { error: 'geen geldig id' });

const registerBody = z.strictObject({
  route: z.enum(['A', 'B', 'C']),
  regio: z.string().min(2).max(40),
  segment: z.enum(SEGMENTS),
  maatregel: z.enum(MEASURES).nullable().default(null),
  gezin: z.strictObject({ naam: z.string().trim().min(1).max(120) }),
  jeugdigen: z
    .array(
      z.strictObject({
        naam: z.string().trim().min(1).max(120),
        geboortedatum: isoDate,
        bsn: z
          .string()
          .nullable()
          .default(null)
          .superRefine((v, ctx) => {
            const problem = v === null ? null : bsnProblem(v);
            if (problem) ctx.addIssue({ code: 'custom', message: problem });
          }),
      }),
    )
    .min(1, { error: 'geef minstens één jeugdige' })
    .max(12),
  ouders: z
    .array(
      z.strictObject({
        naam: z.string().trim().min(1).max(120),
        soort: z.enum(['ouder', 'gezagsdrager', 'voogd']),
      }),
    )
    .max(6)
    .default([]),
  aangemeldOp: instant.optional(),
  verwijzer: z
    .strictObject({
      soort: z.enum(['huisarts', 'jeugdarts', 'medisch-specialist']),
      code: z.string().trim().min(1).max(20),
    })
    .optional(),
  rechterlijkeOpdracht: z.strictObject({ datum: isoDate }).optional(),
  feiten: z.record(z.string(), z.unknown()).optional(),
});

const eventBody = z.strictObject({
  type: z
    .enum([...EVENT_TYPES, ...TIMELINE_ONLY_TYPES])
    .refine((t) => !FLOW_ONLY_TYPES.includes(t), {
      error:
        'dit wordt vastgelegd via het eigen onderdeel op de casuspagina, niet als losse gebeurtenis',
    }),
  op: instant,
  jeugdigeId: uuid.nullable().optional(),
  soort: z.enum(EVALUATION_KINDS).nullable().optional(),
  datum: isoDate.nullable().optional(),
  notitie: z.string().max(4000).nullable().optional(),
});

const roleBody = z.strictObject({
  rol: z.enum(['procesregie', 'casusregie', 'behandelregie', 'crisiscasusregie']),
  houder: z.enum(['gezin', 'professional', 'organisatie']),
  medewerkerId: uuid.nullable().default(null),
  organisatieId: uuid.nullable().default(null),
  vanaf: instant,
  reden: z.string().trim().min(1).max(500),
  uitlegZonderRegistratie: z.string().trim().max(4000).nullable().default(null),
});

/** Store field names → the API's (Dutch) names, for errors on a role assignment. */
const ROLE_FIELD_NAMES: Record<string, string> = {
  staffId: 'medewerkerId',
  organisationId: 'organisatieId',
  startsAt: 'vanaf',
  reason: 'reden',
  unregisteredExplanation: 'uitlegZonderRegistratie',
};

const isStep = (value: string): value is Step => value in STEP_TITLES;
const isChecklistKey = (key: string): boolean =>
  Object.values(STEP_CHECKLISTS).some((items) => items.some((i) => i.key === key));

const REGISTERING_KIND: Record<'A' | 'B' | 'C', string> = {
  A: 'lokaal-team',
  B: 'aanbieder',
  C: 'gi',
};

/** The case as the API shows it: data plus what the rules engine says, with rule IDs. */
function presentCase(
  detail: CaseDetail,
  result: EvaluationResult,
  titleOf: (rule: string) => string | null,
) {
  return {
    id: detail.id,
    regio: detail.region,
    route: detail.route,
    segment: detail.segment,
    maatregel: detail.measure,
    stap: detail.step,
    geregistreerdOp: detail.createdAt.toISOString(),
    gezin: { id: detail.household.id, naam: detail.household.label },
    personen: detail.persons.map((p) => ({
      id: p.id,
      soort: p.kind,
      naam: p.name,
      geboortedatum: p.birthDate,
      bsn: p.bsn,
    })),
    rollen: detail.roles.map((r) => ({
      id: r.id,
      rol: r.role,
      houder: r.holder,
      organisatieId: r.organisationId,
      medewerkerId: r.staffId,
      medewerker: r.staffName,
      organisatie: r.organisationName,
      vanaf: r.startsAt.toISOString(),
      tot: r.endsAt?.toISOString() ?? null,
      reden: r.reason,
    })),
    tijdlijn: detail.events.map((e) => ({
      id: e.id,
      type: e.type,
      op: e.at.toISOString(),
      jeugdigeId: e.childId,
      soort: e.kind,
      datum: e.date,
      notitie: e.note,
    })),
    termijnen: result.deadlines.map((d) => ({
      ...d,
      titel: titleOf(d.rule),
      uitleg: `/api/v1/regels/${d.rule}`,
    })),
    beslissingen: result.decisions.map((d) => ({
      ...d,
      titel: titleOf(d.rule),
      uitleg: `/api/v1/regels/${d.rule}`,
    })),
    eisen: result.requirements.map((r) => ({
      ...r,
      titel: titleOf(r.rule),
      uitleg: `/api/v1/regels/${r.rule}`,
    })),
    checklist: isStep(detail.step)
      ? {
          stap: detail.step,
          titel: STEP_TITLES[detail.step],
          items: stepChecklist(detail.step, detail.route, detail.events),
        }
      : null,
    toegang: detail.access.basis,
    magRollenToewijzen: detail.access.mayAssignRoles,
  };
}

export const caseRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    function evaluateCase(detail: CaseDetail): EvaluationResult {
      const profile = deps.profiles.get(detail.region);
      if (!profile)
        return { region: detail.region, deadlines: [], decisions: [], requirements: [] };
      return evaluate(
        profile,
        caseFacts(
          {
            route: detail.route,
            segment: detail.segment,
            measure: detail.measure,
            facts: detail.facts,
          },
          detail.persons,
        ),
        caseEvents(detail.events),
        deps.clock.now().getTime(),
      );
    }

    app.post(
      '/casussen',
      { schema: { summary: 'Een hulpvraag registreren', body: registerBody } },
      async (request, reply) => {
        const ctx = requireUser(request);
        const body = request.body;
        const now = deps.clock.now();
        const fields: ApiField[] = [];
        if (!deps.profiles.has(body.regio))
          fields.push({ path: 'body.regio', message: `onbekende regio "${body.regio}"` });
        const today = localDay(now.getTime());
        body.jeugdigen.forEach((j, i) => {
          const birth = parseIsoDate(j.geboortedatum);
          if (birth !== null && birth > today)
            fields.push({
              path: `body.jeugdigen.${i}.geboortedatum`,
              message: 'ligt in de toekomst',
            });
        });
        const registeredAt = body.aangemeldOp ? new Date(parseInstant(body.aangemeldOp) ?? 0) : now;
        if (registeredAt > now)
          fields.push({ path: 'body.aangemeldOp', message: 'ligt in de toekomst' });
        if (body.route === 'B' && !body.verwijzer)
          fields.push({
            path: 'body.verwijzer',
            message: 'route B vraagt een verwijzer (soort en code)',
          });
        if (body.route === 'C' && !body.rechterlijkeOpdracht)
          fields.push({
            path: 'body.rechterlijkeOpdracht',
            message: 'route C vraagt de rechterlijke opdracht (datum)',
          });
        if (body.route === 'C' && body.maatregel === null)
          fields.push({ path: 'body.maatregel', message: 'route C vraagt een maatregel' });
        if (fields.length > 0) throw new ApiError('bad-request', 'De invoer klopt niet.', fields);
        const org = await deps.db
          .selectFrom('organisation')
          .select('kind')
          .where('id', '=', ctx.actor.organisationId)
          .executeTakeFirstOrThrow();
        if (org.kind !== REGISTERING_KIND[body.route])
          throw new ApiError(
            'forbidden',
            `Route ${body.route} wordt geregistreerd door een ${REGISTERING_KIND[body.route]}.`,
          );
        const { caseId } = await registerRequest(deps.db, ctx, {
          route: body.route,
          region: body.regio,
          segment: body.segment,
          measure: body.maatregel,
          householdLabel: body.gezin.naam,
          youngPersons: body.jeugdigen.map((j) => ({
            name: j.naam,
            birthDate: j.geboortedatum,
            bsn: j.bsn,
          })),
          parents: body.ouders.map((o) => ({ name: o.naam, kind: o.soort })),
          registeredAt,
          responsibleTeamId: body.route === 'A' ? ctx.actor.organisationId : null,
          ...(body.verwijzer
            ? { referrer: { type: body.verwijzer.soort, code: body.verwijzer.code } }
            : {}),
          ...(body.rechterlijkeOpdracht
            ? { courtOrder: { date: body.rechterlijkeOpdracht.datum } }
            : {}),
          ...(body.feiten ? { facts: body.feiten } : {}),
        });
        return reply.status(201).send({ id: caseId });
      },
    );

    app.get(
      '/casussen/:id',
      {
        schema: {
          summary: 'Een casus met termijnen en beslissingen',
          params: z.object({ id: z.string().max(64) }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const detail = await getCase(deps.db, ctx, request.params.id, deps.clock.now());
        const rules = deps.profiles.get(detail.region)?.rules ?? [];
        return presentCase(
          detail,
          evaluateCase(detail),
          (id) => rules.find((r) => r.id === id)?.title ?? null,
        );
      },
    );

    app.post(
      '/casussen/:id/gebeurtenissen',
      {
        schema: {
          summary: 'Een gebeurtenis vastleggen',
          params: z.object({ id: z.string().max(64) }),
          body: eventBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const body = request.body;
        const fields: ApiField[] = [];
        if (body.type === 'evaluatie' && !body.soort)
          fields.push({
            path: 'body.soort',
            message: 'een evaluatie heeft een soort: tussen, eind of gezinsplan',
          });
        if (body.type !== 'evaluatie' && body.soort)
          fields.push({ path: 'body.soort', message: 'alleen een evaluatie heeft een soort' });
        if (body.type === 'toekomstplan' && !body.jeugdigeId)
          fields.push({
            path: 'body.jeugdigeId',
            message: 'een toekomstplan gaat over één jeugdige',
          });
        if (body.type === 'maatregel-einde' && !body.datum)
          fields.push({ path: 'body.datum', message: 'geef de geplande einddatum' });
        if (body.type === 'notitie' && !body.notitie?.trim())
          fields.push({ path: 'body.notitie', message: 'schrijf de notitie' });
        if (body.type === 'stap-afgevinkt' && !isChecklistKey(body.notitie ?? ''))
          fields.push({
            path: 'body.notitie',
            message: 'noem het punt van de checklist dat is afgerond',
          });
        if (fields.length > 0) throw new ApiError('bad-request', 'De invoer klopt niet.', fields);
        try {
          const { id } = await addEvent(
            deps.db,
            ctx,
            request.params.id,
            {
              type: body.type,
              at: new Date(parseInstant(body.op) ?? 0),
              childId: body.jeugdigeId ?? null,
              kind: body.soort ?? null,
              date: body.datum ?? null,
              note: body.notitie ?? null,
            },
            deps.clock.now(),
          );
          return await reply.status(201).send({ id });
        } catch (error) {
          if (error instanceof Error && 'fields' in error && Array.isArray(error.fields)) {
            (error as { fields: ApiField[] }).fields = (error.fields as ApiField[]).map((f) => ({
              path: `body.${f.path === 'at' ? 'op' : f.path === 'childId' ? 'jeugdigeId' : f.path}`,
              message: f.message,
            }));
          }
          throw error;
        }
      },
    );

    app.post(
      '/casussen/:id/rollen',
      {
        schema: {
          summary: 'Een rol toewijzen',
          params: z.object({ id: z.string().max(64) }),
          body: roleBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const body = request.body;
        if (body.houder === 'professional' && !body.medewerkerId)
          throw new ApiError('bad-request', 'De invoer klopt niet.', [
            { path: 'body.medewerkerId', message: 'kies de professional' },
          ]);
        if (body.houder === 'organisatie' && !body.organisatieId)
          throw new ApiError('bad-request', 'De invoer klopt niet.', [
            { path: 'body.organisatieId', message: 'kies de organisatie' },
          ]);
        try {
          const { id } = await assignRole(
            deps.db,
            ctx,
            request.params.id,
            {
              role: body.rol,
              holder: body.houder,
              staffId: body.medewerkerId,
              organisationId: body.organisatieId,
              startsAt: new Date(parseInstant(body.vanaf) ?? 0),
              reason: body.reden,
              unregisteredExplanation: body.uitlegZonderRegistratie,
            },
            deps.clock.now(),
          );
          return await reply.status(201).send({ id });
        } catch (error) {
          if (error instanceof StoreError && error.fields)
            throw new StoreError(
              error.code,
              error.message,
              error.fields.map((f) => ({
                path: `body.${ROLE_FIELD_NAMES[f.path] ?? f.path}`,
                message: f.message,
              })),
            );
          throw error;
        }
      },
    );

    app.get(
      '/werkvoorraad',
      {
        schema: {
          summary: 'Werkvoorraad: casussen met hun volgende en verlopen termijnen, per pagina',
          querystring: z.strictObject({
            bereik: z.enum(['eigen', 'team']).default('team'),
            route: z.enum(['A', 'B', 'C']).optional(),
            regio: z.string().max(40).optional(),
            stap: z.string().max(40).optional(),
            status: z.enum(['verlopen', 'open', 'alle']).default('alle'),
            pagina: z.coerce.number().int().min(1).max(100_000).default(1),
            perPagina: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
          }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        return workList(deps.db, ctx, deps.profiles, request.query, deps.clock.now());
      },
    );
  };

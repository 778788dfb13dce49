/**
 * The authorisation matrix test (issue 8): every API route, collected from the app itself,
 * is driven with every staff role — once from an organisation involved in the fixture case and
 * once from another organisation of the same region — and without a session, and the answer
 * must match the route's policy class in matrix.ts. Denied means 401, 403 or 404; anything else
 * (2xx, 400, 409, 422, a redirect) means the request got past the access check. Allowed actors
 * send an empty object (`{}`), so a validation error counts as allowed. Actors that must be
 * refused send a body that passes the route's own zod schema (bodies.ts), because most routes
 * validate the body before the handler checks access: a 400 for them is a mismatch, and a route
 * for which no valid body can be made fails the test, so every route × actor is decided. A route
 * without an entry, or an entry without a route, fails the test.
 *
 * Refusals are sent first on every route, so a request that succeeds cannot change the outcome
 * of a refusal; consumable fixtures are put back before every allowed request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../../src/domain/access/case-access.js';
import { engines } from '../integration/databases.js';
import { validBody, type BodyContext, type BodyOutcome } from './bodies.js';
import { MATRIX, POLICIES, type Policy } from './matrix.js';
import { buildWorld, NOW, NOW_LOCAL, type Involvement, type World } from './world.js';

interface Actor {
  readonly label: string;
  readonly role: StaffRole | null;
  readonly involvement: Involvement | null;
}

const ACTORS: readonly Actor[] = [
  { label: 'anonymous', role: null, involvement: null },
  ...STAFF_ROLES.flatMap((role) =>
    (['betrokken', 'niet-betrokken'] as const).map((involvement) => ({
      label: `${role} (${involvement})`,
      role,
      involvement,
    })),
  ),
];

function expectedAllowed(policy: Policy, actor: Actor): boolean {
  const allowed: readonly string[] = POLICIES[policy];
  if (actor.role === null) return allowed.includes('anonymous');
  return (
    allowed.includes(actor.role) ||
    (actor.involvement === 'betrokken' && allowed.includes(`${actor.role}+`))
  );
}

const DENIED = new Set([401, 403, 404]);
/** Request bodies by content type: the iJw inbox takes XML, catalogue and contracts CSV. */
function payloadOf(route: string): { payload?: string; contentType?: string } {
  const method = route.split(' ')[0];
  if (method === 'GET' || method === 'DELETE') return {};
  if (route.endsWith('/ijw/inbox'))
    return { payload: '<Bericht/>', contentType: 'application/xml' };
  if (route === 'PUT /api/v1/catalogus' || route === 'PUT /api/v1/contracten')
    return { payload: '', contentType: 'text/csv' };
  return { payload: '{}', contentType: 'application/json' };
}

/** Fixture ids for the id properties of generated bodies, by property name. */
const FIXTURE_OF_PROPERTY: Readonly<Record<string, string>> = {
  persoonId: 'youngA',
  jeugdigeId: 'youngA',
  organisatieId: 'aanbieder1',
  aanbiederId: 'aanbieder1',
  teamId: 'lokaal-team1',
  lokaalTeamId: 'lokaal-team1',
  gemeenteId: 'gemeente1',
  crisisteamId: 'crisisteam1',
  toewijzingId: 'allocationA',
  casusId: 'caseA',
};

function bodyContext(world: World): BodyContext {
  return {
    today: NOW.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }),
    timestamp: NOW_LOCAL,
    now: NOW,
    idOf: (property) =>
      property === 'medewerkerId'
        ? world.staff('casusregisseur', 'betrokken')
        : world.ids[FIXTURE_OF_PROPERTY[property] ?? ''],
  };
}

describe.each(engines)('the authorisation matrix on %s', (engine) => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(engine);
  }, 60_000);
  afterAll(async () => world?.close());

  it(`names every registered route exactly once (${MATRIX.length} routes)`, () => {
    const inMatrix = MATRIX.map(([route]) => route);
    const duplicates = inMatrix.filter((r, i) => inMatrix.indexOf(r) !== i);
    const missing = world.routes.filter((r) => !inMatrix.includes(r));
    const gone = inMatrix.filter((r) => !world.routes.includes(r));
    expect({ missing, gone, duplicates }).toEqual({ missing: [], gone: [], duplicates: [] });
  });

  it(`allows and refuses every route × ${ACTORS.length} actors as the matrix says`, async () => {
    const url = (template: string) =>
      template.replace(/\{([^}]+)\}/g, (_, name: string) => {
        const id = world.ids[name];
        if (!id) throw new Error(`no fixture id for {${name}}`);
        return id;
      });
    const mismatches: string[] = [];
    const serverErrors: { readonly check: string; readonly requestId: string }[] = [];
    /** Route × actor pairs the test could not decide (no schema-valid body for a refusal). */
    const undecided: string[] = [];
    /** Routes whose refusals were sent a schema-valid body, by where the body came from. */
    const validBodies = new Map<string, BodyOutcome['source']>();
    const ctx = bodyContext(world);
    let checks = 0;
    for (const [route, policy, template] of MATRIX) {
      const method = route.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const { payload: empty, contentType } = payloadOf(route);
      const schema = world.bodySchemas.get(route);
      const valid =
        schema && contentType === 'application/json' ? validBody(route, schema, ctx) : null;
      if (valid) validBodies.set(route, valid.source);
      // Refusals first: a request that succeeds must not change what a refusal sees.
      const ordered = [...ACTORS].sort(
        (a, b) => Number(expectedAllowed(policy, a)) - Number(expectedAllowed(policy, b)),
      );
      for (const actor of ordered) {
        const allowed = expectedAllowed(policy, actor);
        if (allowed) await world.restore();
        if (!allowed && valid?.source === 'none') {
          undecided.push(`${route} as ${actor.label}: no schema-valid body (${valid.reason})`);
          continue;
        }
        const payload = !allowed && valid ? JSON.stringify(valid.body) : empty;
        const headers: Record<string, string> = {};
        if (actor.role && actor.involvement) {
          const session =
            route === 'DELETE /api/v1/sessie'
              ? await world.freshSession(actor.role, actor.involvement)
              : world.session(actor.role, actor.involvement);
          headers['cookie'] = session.cookie;
          headers['x-csrf-token'] = session.csrf;
        }
        if (contentType) headers['content-type'] = contentType;
        checks += 1;
        headers['x-matrix-check'] = String(checks);
        const res = await world.inject({ method, url: url(template), headers, payload });
        const denied = DENIED.has(res.statusCode);
        if (res.statusCode === 400 && !allowed && !world.reachedHandler(String(checks)))
          undecided.push(
            `${route} as ${actor.label}: the schema refused the body ${payload ?? ''} ${res.body.slice(0, 200)}`,
          );
        else if (res.statusCode >= 500)
          serverErrors.push({
            check: `${route} as ${actor.label}: ${res.statusCode}`,
            requestId: (res.json() as { error?: { requestId?: string } }).error?.requestId ?? '',
          });
        else if (denied === allowed)
          mismatches.push(
            `${route} [${policy}] as ${actor.label}: expected ${allowed ? 'allowed' : 'denied'}, got ${res.statusCode}${!allowed && valid ? ' to a schema-valid body (checked before access?)' : ''} ${res.body.slice(0, 160)}`,
          );
      }
    }
    const sources = [...validBodies.values()];
    const count = (source: BodyOutcome['source']) => sources.filter((s) => s === source).length;
    console.info(
      `authorisation matrix on ${engine}: ${MATRIX.length} routes, ${ACTORS.length} actors, ${checks} checks, ${mismatches.length} mismatches, ${serverErrors.length} server errors, ${undecided.length} undecided; refusals sent a schema-valid body on ${count('generated') + count('hand-written')} routes (${count('generated')} generated, ${count('hand-written')} hand-written)`,
    );
    // The log line of a 500 is written after the answer: look the errors up at the end.
    const errors = serverErrors.map((e) => `${e.check} ${world.errorOf(e.requestId) ?? ''}`);
    expect({ mismatches, serverErrors: errors, undecided }).toEqual({
      mismatches: [],
      serverErrors: [],
      undecided: [],
    });
  }, 300_000);
});

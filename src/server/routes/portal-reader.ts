/**
 * The family member behind a portal request, in the capacity the portal lets them in on the
 * given moment: shared by the portal's routes, whose session hook has checked the cookie.
 */
import type { FastifyRequest } from 'fastify';
import { mayUsePortal } from '../../domain/portal/eligibility.js';
import { localDay } from '../../domain/time/index.js';
import type { PortalReader } from '../../store/portal-cases.js';
import { requirePortalUser } from '../app.js';
import { ApiError } from '../errors.js';

/** The reader of a portal request; a 401 without a portal session or once no longer eligible. */
export function portalReaderOf(request: FastifyRequest, now: Date): PortalReader {
  const { portal, clientAddress } = requirePortalUser(request);
  const eligible = mayUsePortal(
    { kind: portal.kind, birthDate: portal.birthDate, authorityRemoved: false },
    localDay(now.getTime()),
  );
  if (!eligible.allowed) throw new ApiError('unauthenticated');
  return {
    personId: portal.personId,
    householdId: portal.householdId,
    role: eligible.role,
    clientAddress,
  };
}

import type { Actor } from '../domain/access/case-access.js';

/** Who is asking, from where: every repository call takes it, so audit records are complete. */
export interface RequestContext {
  readonly actor: Actor;
  readonly clientAddress: string | null;
}

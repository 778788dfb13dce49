import type { Actor } from '../domain/access/case-access.js';

/** Who is asking, from where: every repository call takes it, so audit records are complete. */
export interface RequestContext {
  readonly actor: Actor;
  readonly clientAddress: string | null;
  /**
   * Whether the request only reads (GET/HEAD) or may change something. Break-the-glass access
   * is read only: it is refused unless this is `lezen` (ADR 0020). Absent counts as changing.
   */
  readonly mode?: 'lezen' | 'wijzigen';
}

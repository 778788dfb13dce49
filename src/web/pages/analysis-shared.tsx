/**
 * What the sections of the analysis page share: the shape of assessment records, the CO
 * signals in Dutch, refreshing after a save, and the "last recorded" line.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatDateTime } from '../format.js';
import { Paragraph } from '../nl/index.js';
import { useRevisionLock } from '../stale-write.js';

export interface AssessmentView {
  id: string;
  soort: string;
  /** The section's revision this record made (ADR 0028). */
  revisie: number;
  inhoud: Record<string, unknown>;
  op: string;
  door: string;
}
export interface Assessments {
  actueel: Record<string, AssessmentView | undefined>;
  /** Per edited section: the revision a save sends back as `basisRevisie` (ADR 0028). */
  revisies: Record<string, number>;
  geschiedenis: AssessmentView[];
}
export interface TriageView {
  coOverleg: { regel: string; redenen: string[]; bron: string; gehouden: boolean } | null;
  voorstellen: {
    veld: string;
    regel: string;
    uitkomst: string;
    redenen: string[];
    bron: string;
  }[];
  besluiten: AssessmentView[];
}

export function useRefresh(caseId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['beoordelingen', caseId] }),
      client.invalidateQueries({ queryKey: ['triage', caseId] }),
      client.invalidateQueries({ queryKey: ['kindcontact', caseId] }),
      client.invalidateQueries({ queryKey: ['casus', caseId] }),
    ]);
}

/**
 * Optimistic locking for a section of the analysis page (ADR 0028): a save sends the revision
 * the form was based on; when a colleague saved the section first, the form keeps the user's
 * text and `alert` says who saved what, and when, with a button that loads the newest version
 * (`onReloaded` remounts the section with it).
 */
export function useSectionLock(
  caseId: string,
  latest: AssessmentView | undefined,
  onReloaded: () => void,
): {
  post: (path: string, body: object) => Promise<boolean>;
  alert: ReactNode;
} {
  const lock = useRevisionLock(latest?.revisie ?? 0, useRefresh(caseId), onReloaded);
  /** Saves the section; false when someone else saved it first (the alert then shows). */
  return { post: (path, body) => lock.save('POST', path, body), alert: lock.alert };
}

export function Recorded({ latest }: { latest: AssessmentView | undefined }) {
  if (!latest) return <Paragraph>Nog niet vastgelegd.</Paragraph>;
  return (
    <Paragraph>
      Laatst vastgelegd op {formatDateTime(latest.op)} door {latest.door}.
    </Paragraph>
  );
}

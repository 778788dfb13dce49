/**
 * What the sections of the analysis page share: the shape of assessment records, the CO
 * signals in Dutch, refreshing after a save, and the "last recorded" line.
 */
import { useQueryClient } from '@tanstack/react-query';
import { formatDateTime } from '../format.js';
import { Paragraph } from '../nl/index.js';

export interface AssessmentView {
  id: string;
  soort: string;
  inhoud: Record<string, unknown>;
  op: string;
  door: string;
}
export interface Assessments {
  actueel: Record<string, AssessmentView | undefined>;
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

export function Recorded({ latest }: { latest: AssessmentView | undefined }) {
  if (!latest) return <Paragraph>Nog niet vastgelegd.</Paragraph>;
  return (
    <Paragraph>
      Laatst vastgelegd op {formatDateTime(latest.op)} door {latest.door}.
    </Paragraph>
  );
}

import type { EvaluationResult } from '../domain/rules/index.js';

const STATUS_NL: Record<string, string> = {
  met: 'op tijd',
  'met-late': 'te laat',
  overdue: 'verlopen',
  open: 'loopt',
};

function grid(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The evaluation as a person-readable text table (Dutch), for policy staff at a terminal. */
export function formatTable(result: EvaluationResult): string {
  const parts: string[] = [`Regio: ${result.region}`, ''];
  parts.push('Termijnen');
  parts.push(
    result.deadlines.length === 0
      ? '(geen lopende termijnen)'
      : grid(
          ['regel', 'kind', 'start', 'uiterlijk', 'status', 'gehaald op', 'bron', 'opmerking'],
          result.deadlines.map((d) => [
            d.sequence === undefined ? d.rule : `${d.rule} #${d.sequence}`,
            d.child ?? '',
            d.start,
            d.due,
            `${STATUS_NL[d.status] ?? d.status}${d.effect ? ` (${d.effect})` : ''}`,
            d.metAt ?? '',
            d.source,
            [
              d.purpose ?? '',
              d.override ? `gewijzigd door ${d.override.profile} (${d.override.at})` : '',
            ]
              .filter(Boolean)
              .join(' '),
          ]),
        ),
  );
  parts.push('', 'Beslissingen');
  parts.push(
    result.decisions.length === 0
      ? '(geen)'
      : grid(
          ['regel', 'kind', 'uitkomst', 'waarom'],
          result.decisions.map((d) => [d.rule, d.child ?? '', d.outcome, d.reasons.join(' ')]),
        ),
  );
  if (result.requirements.length > 0) {
    parts.push('', 'Eisen');
    parts.push(
      grid(
        ['regel', 'uitkomst', 'stand'],
        result.requirements.map((r) => [r.rule, r.outcome, r.reasons.join(' ')]),
      ),
    );
  }
  return parts.join('\n') + '\n';
}

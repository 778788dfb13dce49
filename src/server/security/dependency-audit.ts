/**
 * `npm run audit:deps` (ADR 0016, ASVS 14.2.1): `npm audit --omit=dev --audit-level=high`,
 * read as JSON. A high or critical finding in a runtime dependency fails the run. When the
 * advisory service cannot be reached (a registry mirror without the audit endpoint), the run
 * says so loudly and fails only with AUDIT_REQUIRED=1, so an offline build is not blocked
 * while a CI with network access can insist on the check.
 */
import { spawnSync } from 'node:child_process';

export type AuditVerdict =
  | { readonly kind: 'clean' }
  | { readonly kind: 'findings'; readonly packages: readonly string[] }
  | { readonly kind: 'unavailable'; readonly reason: string };

interface AuditJson {
  readonly vulnerabilities?: Record<string, { readonly severity?: string }>;
  readonly message?: string;
  readonly error?: { readonly summary?: string };
}

export function auditVerdict(output: string): AuditVerdict {
  let parsed: AuditJson;
  try {
    parsed = JSON.parse(output) as AuditJson;
  } catch {
    return { kind: 'unavailable', reason: 'npm audit gaf geen leesbaar antwoord' };
  }
  if (!parsed.vulnerabilities)
    return {
      kind: 'unavailable',
      reason: parsed.message ?? parsed.error?.summary ?? 'geen auditgegevens',
    };
  const packages = Object.entries(parsed.vulnerabilities)
    .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
    .map(([name, v]) => `${name} (${v.severity})`);
  return packages.length > 0 ? { kind: 'findings', packages } : { kind: 'clean' };
}

function main(): number {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    encoding: 'utf8',
  });
  const verdict = auditVerdict(run.stdout);
  if (verdict.kind === 'clean') {
    process.stdout.write('Afhankelijkheden: geen hoge of kritieke kwetsbaarheden.\n');
    return 0;
  }
  if (verdict.kind === 'findings') {
    process.stderr.write(
      `Afhankelijkheden met hoge of kritieke kwetsbaarheden:\n  ${verdict.packages.join('\n  ')}\n`,
    );
    return 1;
  }
  const required = process.env['AUDIT_REQUIRED'] === '1';
  process.stderr.write(
    `LET OP: de afhankelijkheden zijn NIET gecontroleerd (${verdict.reason}).${
      required ? '' : ' Zet AUDIT_REQUIRED=1 om dit als fout te laten tellen.'
    }\n`,
  );
  return required ? 1 : 0;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href)
  process.exitCode = main();

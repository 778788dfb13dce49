/**
 * `casusregie ijw validate <files...>`: validates iJw 3.2 message files (XSD and the content
 * rules) and prints the report per file, as text for people or JSON for machines.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { validateMessage, type Report } from '../ijw/validate.js';

export interface FileReport extends Report {
  readonly file: string;
}

export function validateFiles(files: readonly string[]): FileReport[] {
  return files.map((file) => {
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      return {
        file,
        type: null,
        valid: false,
        issues: [
          {
            code: 'BESTAND',
            kind: 'bericht',
            xpath: '',
            line: 0,
            message: 'bestand niet gevonden of niet leesbaar',
            retourcode: '0001',
          },
        ],
      };
    }
    return { file, ...validateMessage(content) };
  });
}

export function formatReports(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const verdict = r.valid
      ? 'goedgekeurd'
      : `afgekeurd (retourcode 0001), ${r.issues.length} ${r.issues.length === 1 ? 'probleem' : 'problemen'}`;
    lines.push(`${basename(r.file)}  ${r.type ?? '?'}  ${verdict}`);
    for (const i of r.issues) {
      lines.push(`  ${i.code.padEnd(7)} regel ${String(i.line).padEnd(5)} ${i.xpath}`);
      lines.push(`          ${i.message}`);
    }
  }
  const invalid = reports.filter((r) => !r.valid).length;
  lines.push(
    '',
    `${reports.length} ${reports.length === 1 ? 'bericht' : 'berichten'}: ${reports.length - invalid} goedgekeurd, ${invalid} afgekeurd`,
  );
  return `${lines.join('\n')}\n`;
}

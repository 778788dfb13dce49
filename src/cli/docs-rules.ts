import type { EscalationStep, Profile, Rule } from '../domain/rules/index.js';
import { formatDuration } from '../domain/rules/index.js';

function matcherText(matchers: readonly { type: string; kind?: readonly string[] }[]): string {
  return matchers.map((m) => (m.kind ? `${m.type} (${m.kind.join('/')})` : m.type)).join(' of ');
}

function ruleValue(rule: Rule): string {
  switch (rule.kind) {
    case 'deadline':
      return `${formatDuration(rule.value)} van \`${matcherText(rule.from)}\` tot \`${matcherText(rule.until)}\`${rule.per === 'each' ? ' (per keer)' : ''}`;
    case 'age':
      return `leeftijd ${rule.years} jaar en ${rule.months} maanden, tot \`${matcherText(rule.until)}\``;
    case 'before':
      return `${formatDuration(rule.value)} vóór de datum van \`${rule.reference}\`, tot \`${matcherText(rule.until)}\``;
    case 'cadence':
      return `elke ${formatDuration(rule.every)} vanaf \`${matcherText(rule.anchor)}\`, opnieuw bij \`${matcherText(rule.occurrence)}\`${rule.until ? `, stopt bij \`${matcherText(rule.until)}\`` : ''}`;
    case 'requirement':
      return rule.minimum.map((m) => `≥ ${m.count} × ${matcherText([m.event])}`).join(', ');
    case 'decision':
      return `beslisregel (${rule.logic.type})`;
    case 'norm':
      return Object.entries(rule.values)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ');
    case 'procedure':
      return `procedure in ${rule.steps.length} stap(pen)`;
    case 'escalation':
      return `escalatieladder (${rule.escalationType}), ${rule.steps.length} stappen`;
    case 'checklist':
      return rule.themes.map((t) => `${t.number}. ${t.title} (${t.items})`).join('; ');
  }
}

const KIND_NL: Record<Rule['kind'], string> = {
  deadline: 'termijn',
  age: 'termijn op leeftijd',
  before: 'termijn vóór een datum',
  cadence: 'cadans',
  requirement: 'minimumeis',
  decision: 'beslisregel',
  norm: 'norm',
  procedure: 'procedure',
  escalation: 'escalatieladder',
  checklist: 'checklist',
};

function stepNotes(step: EscalationStep): string[] {
  const notes: string[] = [];
  if (step.within)
    notes.push(
      `binnen ${formatDuration(step.within)}${step.deadlineRule ? `, ${step.deadlineRule}` : ''}`,
    );
  if (step.opening) notes.push('klaar met het melden');
  if (step.closing) notes.push('afsluiting met afspraken');
  if (step.continuous) notes.push('doorlopend');
  if (step.artefacts) notes.push(`vastleggen: ${step.artefacts.join(', ')}`);
  if (step.roles) notes.push(`alleen ${step.roles.join(', ')}`);
  return notes;
}

function details(rule: Rule): string[] {
  const lines: string[] = [];
  if (rule.kind === 'cadence' && rule.purposes)
    rule.purposes.forEach((p, i) => lines.push(`${i + 1}. ${p}`));
  if (rule.kind === 'procedure') rule.steps.forEach((step, i) => lines.push(`${i + 1}. ${step}`));
  if (rule.kind === 'escalation')
    rule.steps.forEach((step, i) =>
      lines.push(
        `${i + 1}. ${step.actor}: ${step.action}${stepNotes(step)
          .map((n) => ` (${n})`)
          .join('')}`,
      ),
    );
  if ((rule.kind === 'procedure' || rule.kind === 'escalation') && rule.criteria) {
    if (lines.length > 0) lines.push('');
    rule.criteria.forEach((c) => lines.push(`- (${c.code}) ${c.text}`));
  }
  return lines.length > 0 ? [...lines, ''] : [];
}

function conditionText(rule: Rule): string {
  const w = rule.when;
  if (!w) return 'altijd';
  const parts: string[] = [];
  if (w.segment) parts.push(`segment ${w.segment.join(', ')}`);
  if (w.notSegment) parts.push(`niet segment ${w.notSegment.join(', ')}`);
  if (w.route) parts.push(`route ${w.route.join(', ')}`);
  if (w.measure) parts.push(`maatregel ${w.measure.join(', ')}`);
  if (w.ivh !== undefined) parts.push(w.ivh ? 'IVH' : 'geen IVH');
  if (w.decision) parts.push(`${w.decision.rule} = ${w.decision.outcome.join(' of ')}`);
  return parts.join('; ');
}

/**
 * The rule catalogue as Markdown (`docs/regels.md`), generated from the profiles so the
 * documentation cannot drift from the data. Municipality profiles list only their overrides.
 */
export function rulesMarkdown(profiles: ReadonlyMap<string, Profile>): string {
  const out: string[] = [
    '# Regelcatalogus',
    '',
    'Dit bestand wordt gemaakt uit de regioprofielen in `src/regions/profiles/` met',
    '`npm run docs:rules`. Wijzig de profielen, niet dit bestand.',
    '',
  ];
  const sorted = [...profiles.values()].sort((a, b) => a.id.localeCompare(b.id));
  for (const profile of sorted) {
    out.push(`## ${profile.id}: ${profile.name}`, '');
    if (profile.lineage.length > 0) {
      out.push(`Bouwt voort op ${profile.lineage.join(' → ')}. Gewijzigde regels:`, '');
      const changed = profile.rules.filter((r) => r.override?.profile === profile.id);
      for (const rule of changed) {
        const o = rule.override;
        if (!o) continue;
        out.push(
          `- **${rule.id}**: ${o.changed.join(', ')} gewijzigd naar ${ruleValue(rule)}; door ${o.by} op ${o.at}. Reden: ${o.reason}`,
        );
      }
      out.push('');
      continue;
    }
    out.push(`Bron: ${profile.sourceTitle}.`, '');
    for (const rule of profile.rules) {
      out.push(`### ${rule.id}`, '');
      out.push(`**${rule.title}**`, '');
      out.push(`- Soort: ${KIND_NL[rule.kind]}`);
      out.push(`- Waarde: ${ruleValue(rule)}`);
      out.push(`- Geldt: ${conditionText(rule)}`);
      out.push(`- Bron: ${rule.sourceKey}, ${rule.source}`);
      out.push('', rule.explanation, '');
      out.push(...details(rule));
      if (rule.choice) out.push(`*Keuze:* ${rule.choice}`, '');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

/**
 * Loads region profiles from YAML files, validates them and resolves `extends` and
 * municipality overrides. Every problem is reported with file, line and path, in Dutch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { EscalationRule, OverrideRecord, Profile, Rule } from '../domain/rules/index.js';
import { formatIsoDate } from '../domain/time/index.js';
import { profileFileSchema, ruleSchema, type ProfileFile } from './schema.js';

/** The folder with the profiles that ship with the product (works from `src` and `dist`). */
export const BUILTIN_PROFILE_DIR = fileURLToPath(
  new URL('../../src/regions/profiles/', import.meta.url),
);

export interface ProfileIssue {
  readonly file: string;
  readonly line: number | null;
  readonly path: string;
  readonly message: string;
}

/** Thrown when a profile file cannot be used; lists every problem found. */
export class ProfileError extends Error {
  constructor(readonly issues: readonly ProfileIssue[]) {
    super(
      issues
        .map(
          (i) =>
            `${i.file}${i.line === null ? '' : `:${i.line}`} ${i.path || '(bestand)'}: ${i.message}`,
        )
        .join('\n'),
    );
    this.name = 'ProfileError';
  }
}

interface SourceFile {
  readonly file: string;
  readonly doc: Document;
  readonly lines: LineCounter;
  readonly data: ProfileFile;
}

type PathPart = string | number;

function formatPath(path: readonly PathPart[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

function lineOf(
  source: Pick<SourceFile, 'doc' | 'lines'>,
  path: readonly PathPart[],
): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = source.doc.getIn(path.slice(0, n), true) as
      { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range)
      return source.lines.linePos(node.range[0]).line;
  }
  return null;
}

function issuesFrom(
  source: Pick<SourceFile, 'file' | 'doc' | 'lines'>,
  prefix: readonly PathPart[],
  error: z.ZodError,
): ProfileIssue[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...(issue.path as PathPart[])];
    return {
      file: source.file,
      line: lineOf(source, path),
      path: formatPath(path),
      message: issue.message,
    };
  });
}

function readSource(filePath: string): SourceFile {
  const file = basename(filePath);
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    throw new ProfileError([{ file, line: null, path: '', message: 'bestand niet te lezen' }]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ProfileError(
      doc.errors.map((e) => ({
        file,
        line: lines.linePos(e.pos[0]).line,
        path: '',
        message: `geen geldige YAML: ${e.message.split('\n')[0] ?? ''}`,
      })),
    );
  }
  const parsed = profileFileSchema.safeParse(doc.toJS());
  if (!parsed.success) throw new ProfileError(issuesFrom({ file, doc, lines }, [], parsed.error));
  return { file, doc, lines, data: parsed.data };
}

function validateRule(
  raw: Record<string, unknown>,
  sourceKey: string,
  source: SourceFile,
  path: readonly PathPart[],
  override?: OverrideRecord,
): Rule | ProfileIssue[] {
  const parsed = ruleSchema.safeParse(raw);
  if (!parsed.success) return issuesFrom(source, path, parsed.error);
  const rule = { ...parsed.data, sourceKey, ...(override ? { override } : {}) } satisfies Rule;
  return rule;
}

interface Resolved {
  readonly profile: Profile;
  readonly raw: ReadonlyMap<string, Record<string, unknown>>;
}

function resolve(
  id: string,
  sources: ReadonlyMap<string, SourceFile>,
  seen: readonly string[],
  cache: Map<string, Resolved>,
): Resolved {
  const done = cache.get(id);
  if (done) return done;
  const source = sources.get(id) as SourceFile;
  const data = source.data;
  const issues: ProfileIssue[] = [];
  let parent: Resolved | undefined;
  if (data.extends !== undefined) {
    const parentSource = sources.get(data.extends);
    if (!parentSource || seen.includes(data.extends)) {
      throw new ProfileError([
        {
          file: source.file,
          line: lineOf(source, ['extends']),
          path: 'extends',
          message: parentSource
            ? `kringverwijzing: ${[...seen, id, data.extends].join(' → ')}`
            : `onbekend profiel "${data.extends}"; bekend zijn: ${[...sources.keys()].join(', ')}`,
        },
      ]);
    }
    parent = resolve(data.extends, sources, [...seen, id], cache);
  }
  const sourceKey = data.source?.key ?? parent?.profile.sourceKey;
  const sourceTitle = data.source?.title ?? parent?.profile.sourceTitle;
  const vocabulary = data.vocabulary ?? parent?.profile.vocabulary;
  if (sourceKey === undefined || sourceTitle === undefined)
    issues.push({
      file: source.file,
      line: lineOf(source, []),
      path: 'source',
      message: 'een profiel zonder extends noemt zijn bron (key en title)',
    });
  if (vocabulary === undefined)
    issues.push({
      file: source.file,
      line: lineOf(source, []),
      path: 'vocabulary',
      message: 'een profiel zonder extends heeft een vocabulaire',
    });

  const rules = new Map<string, Rule>(parent?.profile.rules.map((r) => [r.id, r]));
  const raw = new Map(parent?.raw);
  data.rules.forEach((candidate, index) => {
    const result = validateRule(candidate, sourceKey ?? id, source, ['rules', index]);
    if (Array.isArray(result)) return issues.push(...result);
    if (rules.has(result.id)) {
      return issues.push({
        file: source.file,
        line: lineOf(source, ['rules', index, 'id']),
        path: `rules[${index}].id`,
        message: `regel ${result.id} bestaat al${parent ? ` in ${parent.profile.id}; gebruik overrides om een waarde te wijzigen` : ''}`,
      });
    }
    rules.set(result.id, result);
    raw.set(result.id, candidate);
  });
  data.overrides.forEach((override, index) => {
    const at = ['overrides', index] as const;
    const original = raw.get(override.rule);
    const inherited = rules.get(override.rule);
    if (!original || !inherited) {
      return issues.push({
        file: source.file,
        line: lineOf(source, [...at, 'rule']),
        path: `overrides[${index}].rule`,
        message: `onbekende regel ${override.rule}`,
      });
    }
    const fixed = Object.keys(override.set).filter((k) => k === 'id' || k === 'kind');
    if (fixed.length > 0) {
      return issues.push({
        file: source.file,
        line: lineOf(source, [...at, 'set']),
        path: `overrides[${index}].set.${fixed[0] ?? ''}`,
        message: 'id en kind van een regel zijn niet te wijzigen',
      });
    }
    const merged = { ...original, ...override.set };
    const record: OverrideRecord = {
      profile: data.id,
      by: override.by,
      at: formatIsoDate(override.at),
      reason: override.reason,
      changed: Object.keys(override.set),
    };
    const result = validateRule(merged, inherited.sourceKey, source, [...at, 'set'], record);
    if (Array.isArray(result)) return issues.push(...result);
    rules.set(result.id, result);
    raw.set(result.id, merged);
  });
  for (const [ruleId, rule] of rules) {
    const refs: string[] = [];
    if (rule.when?.decision) refs.push(rule.when.decision.rule);
    if (rule.kind === 'decision' && rule.logic.type === 'casusregie-matrix')
      refs.push(rule.logic.meervoudigRule, rule.logic.complexRule);
    for (const ref of refs) {
      const target = rules.get(ref);
      if (!target || target.kind !== 'decision')
        issues.push({
          file: source.file,
          line: null,
          path: `rules(${ruleId})`,
          message: `verwijst naar ${ref}, maar dat is geen beslisregel in dit profiel`,
        });
    }
  }
  for (const [ruleId, rule] of rules) {
    if (rule.kind !== 'escalation') continue;
    issues.push(
      ...escalationProblems(rule, rules).map((message) => ({
        file: source.file,
        line: null,
        path: `rules(${ruleId})`,
        message,
      })),
    );
  }
  if (issues.length > 0) throw new ProfileError(issues);
  const profile: Profile = {
    id: data.id,
    name: data.name,
    lineage: parent ? [parent.profile.id, ...parent.profile.lineage] : [],
    sourceKey: sourceKey as string,
    sourceTitle: sourceTitle as string,
    vocabulary: vocabulary as NonNullable<typeof vocabulary>,
    rules: [...rules.values()],
  };
  const resolved = { profile, raw };
  cache.set(id, resolved);
  return resolved;
}

/**
 * Reads every `*.yaml` in the built-in profile folder plus any extra files, and returns the
 * resolved profiles by ID. Throws a {@link ProfileError} listing every problem found.
 */
export function loadProfiles(
  options: { dir?: string; extraFiles?: readonly string[] } = {},
): Map<string, Profile> {
  const dir = options.dir ?? BUILTIN_PROFILE_DIR;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
  const sources = new Map<string, SourceFile>();
  const issues: ProfileIssue[] = [];
  for (const filePath of [...files, ...(options.extraFiles ?? [])]) {
    try {
      const source = readSource(filePath);
      const existing = sources.get(source.data.id);
      if (existing) {
        issues.push({
          file: source.file,
          line: lineOf(source, ['id']),
          path: 'id',
          message: `profiel ${source.data.id} staat ook in ${existing.file}`,
        });
        continue;
      }
      sources.set(source.data.id, source);
    } catch (error) {
      if (error instanceof ProfileError) issues.push(...error.issues);
      else throw error;
    }
  }
  if (issues.length > 0) throw new ProfileError(issues);
  const cache = new Map<string, Resolved>();
  const profiles = new Map<string, Profile>();
  for (const id of sources.keys()) {
    try {
      profiles.set(id, resolve(id, sources, [], cache).profile);
    } catch (error) {
      if (error instanceof ProfileError) issues.push(...error.issues);
      else throw error;
    }
  }
  if (issues.length > 0) throw new ProfileError(issues);
  return profiles;
}

/**
 * An escalation ladder must be walkable: only the first level can be done by raising it, a
 * level is either a level or a duty that runs throughout, and a level's time limit that names a
 * deadline rule must be that rule's own value (one number in one place).
 */
function escalationProblems(rule: EscalationRule, rules: ReadonlyMap<string, Rule>): string[] {
  const problems: string[] = [];
  const levels = rule.steps.filter((s) => !s.continuous);
  if (levels.length === 0) problems.push('een escalatieladder heeft minstens één niveau');
  rule.steps.forEach((step, i) => {
    const at = `stap ${i + 1}`;
    if (step.continuous && (step.opening || step.closing || step.within))
      problems.push(
        `${at}: een doorlopende plicht is geen niveau (geen opening, afsluiting of termijn)`,
      );
    if (step.opening && step !== levels[0])
      problems.push(
        `${at}: alleen het eerste niveau kan met het melden van de escalatie klaar zijn`,
      );
    if (step.closing && step !== levels[levels.length - 1])
      problems.push(`${at}: alleen het laatste niveau kan de afsluiting zijn`);
    if (step.deadlineRule !== undefined) {
      const target = rules.get(step.deadlineRule);
      if (!target || target.kind !== 'deadline')
        problems.push(`${at}: ${step.deadlineRule} is geen termijnregel in dit profiel`);
      else if (
        !step.within ||
        step.within.amount !== target.value.amount ||
        step.within.unit !== target.value.unit
      )
        problems.push(`${at}: de termijn moet gelijk zijn aan die van ${step.deadlineRule}`);
    }
  });
  return problems;
}

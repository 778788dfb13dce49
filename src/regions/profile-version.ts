/**
 * A version per loaded region profile (issue 11, ADR 0029): a hash of the resolved profile, so
 * the deadlines kept for a region's cases go stale exactly when that region's profile changes
 * (a new rule, a changed term, an inherited change) and not when another region's does.
 */
import { createHash } from 'node:crypto';
import type { Profile } from '../domain/rules/index.js';

/** What a case of a region without a profile is evaluated under (no deadlines at all). */
export const NO_PROFILE_VERSION = 'geen-profiel';

/** JSON with object keys sorted, so the hash does not depend on the order the loader built. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const versions = new WeakMap<ReadonlyMap<string, Profile>, ReadonlyMap<string, string>>();

/** Each region's profile version (a SHA-256 prefix), computed once per loaded profile set. */
export function profileVersions(
  profiles: ReadonlyMap<string, Profile>,
): ReadonlyMap<string, string> {
  let kept = versions.get(profiles);
  if (!kept) {
    const computed = new Map<string, string>();
    for (const [region, profile] of profiles)
      computed.set(
        region,
        createHash('sha256').update(canonical(profile)).digest('hex').slice(0, 16),
      );
    kept = computed;
    versions.set(profiles, kept);
  }
  return kept;
}

/** The version a case of `region` is evaluated under. */
export function profileVersionOf(profiles: ReadonlyMap<string, Profile>, region: string): string {
  return profileVersions(profiles).get(region) ?? NO_PROFILE_VERSION;
}

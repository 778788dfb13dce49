/**
 * Which sections each kind of plan shows (shared with the plan PDF in
 * `src/documents/plan-words.ts`), typed on the API's content fields for the editor.
 */
import {
  AGREEMENTS as SHARED_AGREEMENTS,
  FUTURE_DOMAIN_LABELS,
  PLAN_SECTIONS,
  WITH_AGREEMENTS as SHARED_WITH_AGREEMENTS,
} from '../../documents/plan-words.js';
import type { ApiPlanContent } from '../api.js';

type TextKey = {
  [K in keyof ApiPlanContent]-?: ApiPlanContent[K] extends string | undefined ? K : never;
}[keyof ApiPlanContent];

export interface Section {
  readonly key: TextKey;
  readonly label: string;
  readonly hint?: string;
}

/** The shared sections; their keys are text fields of the API content (checked in a test). */
export const SECTIONS = PLAN_SECTIONS as Record<string, readonly Section[]>;
export const AGREEMENTS = SHARED_AGREEMENTS;
export const WITH_AGREEMENTS = SHARED_WITH_AGREEMENTS;
export const FUTURE_DOMAINS = FUTURE_DOMAIN_LABELS;

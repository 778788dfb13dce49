import { sql, type Kysely } from 'kysely';

/**
 * Closing a case (issue 7; RIJ-DEC-CLOSURE, LEK-DEC-WAAKVLAM, ZOU-DEC-ENDING, RIJ-DEC-MEASURE-END).
 * - `case_closure`: the casusregisseur's draft, one per case, saved section by section (reason,
 *   final evaluation, aftercare, waakvlamcontact, re-assessment of family casusregie, 18-/18+
 *   transition); `closed_at` is set when the case is closed, after which it no longer changes.
 * - `closing_report`: a provider's closing report, one per provider organisation and case
 *   (replaced while the case is open); `family_consent` decides whether the casusregie side
 *   reads its content.
 */
const statements = [
  sql`
    create table case_closure (
      case_id uuid primary key references casus (id),
      reason text check (reason in ('doelen-bereikt', 'geen-hulpvraag', 'gestopt-door-gezin',
        'gestopt-door-aanbieder', 'niet-meer-jeugdwet', 'einde-maatregel')),
      final_evaluation jsonb,
      aftercare jsonb,
      waakvlam jsonb,
      reassessment jsonb,
      transitions jsonb not null default '[]',
      updated_by uuid not null references staff (id),
      updated_at timestamptz not null,
      closed_by uuid references staff (id),
      closed_at timestamptz
    )
  `,
  sql`
    create table closing_report (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      provider_id uuid not null references organisation (id),
      results text not null,
      agreements text not null,
      waakvlam_advice text not null check (waakvlam_advice in ('nodig', 'niet-nodig')),
      waakvlam_note text not null,
      family_consent boolean not null,
      filed_by uuid not null references staff (id),
      filed_at timestamptz not null,
      unique (case_id, provider_id)
    )
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

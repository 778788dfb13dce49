/**
 * Statements of the hot path compiled once (issue 11). Every request looks up its session and
 * every case request its access facts; building and compiling those queries with Kysely costs
 * about as much CPU as the rest of the app's own work on a case page. A `CompiledOnce` query is
 * built once with placeholder values (`slot`s) and then run with the real values in their
 * places: the same SQL text and the same typed rows as the builder gives.
 */
import { CompiledQuery, type Compilable, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A placeholder the builder receives instead of a value: a string no caller could pass (slot
 * strings are compared by value) or, for a `Date`, a unique object (compared by identity).
 */
export type Slot = string | Date;

export function slotText(name: string): string {
  return `\u0000casusregie-slot:${name}`;
}

export function slotDate(): Date {
  return new Date(-8_640_000_000_000_000);
}

/** The values for the slots: a date for a date slot, text or null for a text slot. */
export type SlotValues<Slots extends readonly Slot[]> = {
  readonly [K in keyof Slots]: Slots[K] extends Date ? Date : string | null;
};

/**
 * `build` receives the slots in place of the values; the result runs the compiled statement with
 * `values` (in the order of `slots`) in their places.
 */
export function compiledOnce<Row, Slots extends readonly Slot[]>(
  slots: Slots,
  build: (db: Db, ...slots: Slots) => Compilable<Row>,
): (db: Db, ...values: SlotValues<Slots>) => Promise<Row[]> {
  let compiled: CompiledQuery<Row> | null = null;
  return async (db, ...values) => {
    if (!compiled) {
      const built = build(db, ...slots).compile();
      // Every slot must have become a parameter, or a placeholder would reach the database.
      for (const slot of slots)
        if (!built.parameters.includes(slot)) throw new Error('compiledOnce: slot not a parameter');
      compiled = built;
    }
    const template = compiled;
    const parameters = template.parameters.map((p) => {
      const at = slots.indexOf(p as Slot);
      if (at < 0) return p;
      return values[at];
    });
    const result = await db.executeQuery<Row>(
      CompiledQuery.raw(template.sql, parameters) as CompiledQuery<Row>,
    );
    return result.rows;
  };
}

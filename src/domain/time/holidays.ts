import { easter } from 'date-easter';
import { addDays, dayFromYmd, isoWeekday, ymdFromDay, type DayNumber } from './calendar.js';

/** A general holiday in the sense of the Algemene termijnenwet (art. 3). */
export interface PublicHoliday {
  readonly day: DayNumber;
  readonly name: string;
}

/** Easter Sunday of a year (Gregorian computus). */
export function easterSunday(year: number): DayNumber {
  const date = easter(year);
  return dayFromYmd(date.year, date.month, date.day);
}

/**
 * The national day of the monarch: King's Day on 27 April since 2014 (26 April when the
 * 27th is a Sunday); before that Queen's Day on 30 April (29 April when that is a Sunday).
 */
function monarchsDay(year: number): PublicHoliday {
  if (year >= 2014) {
    const day = dayFromYmd(year, 4, 27);
    return { day: isoWeekday(day) === 7 ? day - 1 : day, name: 'Koningsdag' };
  }
  const day = dayFromYmd(year, 4, 30);
  return { day: isoWeekday(day) === 7 ? day - 1 : day, name: 'Koninginnedag' };
}

/**
 * The general holidays of the Algemene termijnenwet for a year. Good Friday is not one of
 * them; 5 May counts every year (the law names it without the five-year condition).
 */
export function publicHolidays(year: number): readonly PublicHoliday[] {
  const e = easterSunday(year);
  return [
    { day: dayFromYmd(year, 1, 1), name: 'Nieuwjaarsdag' },
    { day: addDays(e, 1), name: 'Tweede Paasdag' },
    monarchsDay(year),
    { day: dayFromYmd(year, 5, 5), name: 'Bevrijdingsdag' },
    { day: addDays(e, 39), name: 'Hemelvaartsdag' },
    { day: addDays(e, 50), name: 'Tweede Pinksterdag' },
    { day: dayFromYmd(year, 12, 25), name: 'Eerste Kerstdag' },
    { day: dayFromYmd(year, 12, 26), name: 'Tweede Kerstdag' },
  ].sort((a, b) => a.day - b.day);
}

const cache = new Map<number, ReadonlySet<DayNumber>>();

function holidaySet(year: number): ReadonlySet<DayNumber> {
  let set = cache.get(year);
  if (!set) {
    set = new Set(publicHolidays(year).map((h) => h.day));
    cache.set(year, set);
  }
  return set;
}

/** True when the day is a general holiday of the Algemene termijnenwet. */
export function isPublicHoliday(dayNumber: DayNumber): boolean {
  return holidaySet(ymdFromDay(dayNumber).year).has(dayNumber);
}

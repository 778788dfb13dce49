/**
 * Zod speaks Dutch to our users: its Dutch locale for the general messages, and plainer words
 * for the two mistakes people make most (a missing field, a field that does not exist).
 */
import { z } from 'zod';

z.config(z.locales.nl());
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'ontbreekt (verplicht)';
    if (issue.code === 'unrecognized_keys')
      return `onbekend veld: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return undefined;
  },
});

export { z };

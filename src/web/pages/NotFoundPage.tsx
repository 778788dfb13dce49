import type { ReactNode } from 'react';
import { Link, Paragraph } from '../nl/index.js';
import { PageHeading } from '../page.js';

/**
 * Shown for unknown pages and for cases the user may not see: the two look the same on
 * purpose, so the page does not reveal whether a case exists.
 */
export function NotFoundPage({ children }: { children?: ReactNode }) {
  return (
    <>
      <PageHeading title="Niet gevonden" />
      {children ?? (
        <Paragraph>
          Deze casus bestaat niet of u hebt er geen toegang toe. Toegang loopt via een rol in de
          casus of de verantwoordelijkheid van uw team.
        </Paragraph>
      )}
      <Paragraph>
        <Link to="/">Naar de werkvoorraad</Link>
      </Paragraph>
    </>
  );
}

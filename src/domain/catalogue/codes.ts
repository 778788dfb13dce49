/**
 * The iJw 3.2 code lists a product catalogue uses: product categories (JZ020), units (WJ756)
 * and frequencies (WMO757), with their Dutch meaning. Categories 31-38 date from 2015 and
 * are kept for running allocations only.
 */
export const PRODUCT_CATEGORIES: Readonly<Record<string, string>> = {
  '31': '(2015) Zonder verblijf: uitgevoerd door wijk- of buurtteam',
  '32': '(2015) Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder',
  '33': '(2015) Zonder verblijf: daghulp op locatie van de aanbieder',
  '34': '(2015) Zonder verblijf: jeugdhulp in het netwerk van de jeugdige',
  '35': '(2015) Met verblijf: pleegzorg',
  '36': '(2015) Met verblijf: gezinsgericht',
  '37': '(2015) Met verblijf: gesloten plaatsing',
  '38': '(2015) Met verblijf: overig residentieel',
  '40': 'Persoonlijke verzorging',
  '41': 'Dagbehandeling',
  '42': 'Vervoerdiensten',
  '43': 'Jeugdhulp verblijf (incl. behandeling)',
  '44': 'Jeugdhulp verblijf (excl. behandeling)',
  '45': 'Jeugdhulp ambulant',
  '46': 'Jeugdhulp crisis',
  '47': 'Jeugdreclassering',
  '48': 'Jeugdbescherming',
  '49': 'Activiteiten in het preventief justitieel kader',
  '50': 'Maatwerkarrangementen jeugd',
  '51': 'Generalistische basis-ggz',
  '52': 'Specialistische ggz',
  '53': 'Kindergeneeskunde',
  '54': 'Jeugd-ggz',
  '55': 'Landelijk ingekochte zorg',
};

/** Categories from 2015 that new products may no longer use. */
export const LEGACY_CATEGORIES: ReadonlySet<string> = new Set([
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
]);

export const UNITS: Readonly<Record<string, string>> = {
  '01': 'Minuut',
  '04': 'Uur',
  '14': 'Etmaal',
  '16': 'Dagdeel (4 uur)',
  '82': 'Stuks (output)',
  '83': "Euro's",
  '84': 'Stuks (inspanning)',
};

export const FREQUENCIES: Readonly<Record<string, string>> = {
  '1': 'Per dag',
  '2': 'Per week',
  '4': 'Per maand',
  '6': 'Totaal binnen geldigheidsduur toewijzing',
};

/**
 * The six checklists of GRO-CHK-REFERENTIEKADER (GRO referentiekader toegang jeugdhulp, chapter
 * 3), written in the product's own words, with the source numbering kept (theme.item, e.g. 3.12)
 * so a team finds each point back in the source. The improvement suggestions of chapter 4 are
 * rewritten too and attached to the items they help with; the team view shows them for items
 * that someone scored red. Usable in every region: the checklist is GRO's, the questions are not
 * region-specific.
 */

export const THERMOMETER_RULE = 'GRO-CHK-REFERENTIEKADER';

export const COLOURS = ['groen', 'oranje', 'rood'] as const;
export type Colour = (typeof COLOURS)[number];

export interface ChecklistItem {
  /** Source numbering: theme number, dot, item number. */
  readonly number: string;
  readonly text: string;
  /** Improvement suggestions (chapter 4, in own words); empty where the source gives none. */
  readonly suggestions: readonly string[];
}

export interface ChecklistTheme {
  readonly number: number;
  /** The theme key of the GRO profile. */
  readonly key: string;
  readonly title: string;
  /** Whom the items are about, as a lead-in. */
  readonly subject: string;
  readonly items: readonly ChecklistItem[];
}

const item = (number: string, text: string, ...suggestions: string[]): ChecklistItem => ({
  number,
  text,
  suggestions,
});

export const CHECKLIST_THEMES: readonly ChecklistTheme[] = [
  {
    number: 1,
    key: 'verantwoorde-hulp',
    title: 'Verantwoorde hulp',
    subject: 'Ons team',
    items: [
      item(
        '1.1',
        'weet welke problemen van kinderen en ouders in ons werkgebied veel voorkomen.',
        'Zoek de cijfers over de ondersteuningsvragen van jeugdigen in de eigen regio op en bespreek ze in het team.',
      ),
      item(
        '1.2',
        'werkt preventief in de buurt van het kind en adviseert andere beroepskrachten die met jeugdigen werken.',
      ),
      item(
        '1.3',
        'brengt bij elk gezin in beeld wat goed gaat en wat zorgen geeft, bij het kind, de ouders en hun netwerk.',
        'Plan een training in het verhelderen van de hulpvraag en spreek af welke vragenlijsten en instrumenten het team daarbij gebruikt.',
      ),
      item(
        '1.4',
        'biedt zelf lichte hulp op maat als dat genoeg is, passend bij het gezin, het netwerk en de (voor)school.',
        'Laat ouders en hun netwerk weten dat zij een familiegroepsplan kunnen maken, en leg medewerkers in een werksessie uit hoe zij dat aanbod doen.',
      ),
      item(
        '1.5',
        'laat kinderen en ouders meedoen in de hulp.',
        'Organiseer een gesprekstraining over aansluiten bij wat een gezin zelf kan.',
      ),
      item(
        '1.6',
        'geeft hulp die veilig, werkzaam, zuinig en op het gezin gericht is, met methoden waarvan de werking is aangetoond.',
        'Leidinggevenden kennen de afspraken van de Groninger gemeenten over het jeugdstelsel, leggen ze uit aan het team en sturen erop; gebruik de informatie en de helpdesk van de RIGG.',
      ),
      item(
        '1.7',
        'kijkt geregeld na wat de hulp oplevert en volgt daarbij de beroepsstandaarden (zie thema 5).',
      ),
      item('1.8', 'handelt het mandaat af volgens de vastgelegde werkwijze.'),
    ],
  },
  {
    number: 2,
    key: 'casusregie',
    title: 'Casusregie',
    subject: 'In ons team',
    items: [
      item(
        '2.1',
        'heeft elk kind met hulp één eigen plan (of familieplan) en één casusregisseur, ouder of professional, die het hele traject coördineert.',
        'Schrijf per gemeente (of samen) op wat een casusregisseur doet, hoeveel regie een gezin nodig heeft, welke steun de regisseur krijgt en hoe er wordt vastgelegd.',
      ),
      item(
        '2.2',
        'is de casusregisseur bij voorkeur de professional uit het eigen team die de hulp uitvoert.',
      ),
      item(
        '2.3',
        'weet de casusregisseur wat regie voeren, verantwoordelijkheid en doorzettingsmacht inhouden, en kan en wil die regie ook nemen.',
        'Zet bijscholing over casusregie op voor het team.',
      ),
      item(
        '2.4',
        'volgt de casusregisseur de afgesproken route voor triage, toeleiding en veiligheid.',
      ),
      item(
        '2.5',
        'werkt de casusregisseur in een vaste cyclus: uitzoeken, uitvoeren, volgen en evalueren.',
      ),
      item(
        '2.6',
        'legt de casusregisseur het hele traject zorgvuldig en navolgbaar vast.',
        'Leg vast welke verslaglegging bij de casusregie hoort en wie daarin ondersteunt.',
      ),
      item('2.7', 'hebben meerdere collega’s de kennis om casusregie te voeren.'),
      item(
        '2.8',
        'wordt bij zorgen over veiligheid bekeken of kennis van de expertpool of van veiligheidspartners nodig is, en wordt die zo nodig ingeschakeld.',
        'Spreek af wie waarvoor verantwoordelijk is bij preventieve jeugdbescherming en specialistisch casemanagement.',
      ),
      item(
        '2.9',
        'wordt bij een zware, complexe casus waar de regisseur zich onvoldoende toegerust voelt, overwogen de regie (tijdelijk) over te dragen, en gebeurt dat met een warme overdracht.',
        'Maak bekend wat specialistisch casemanagement kan en hoe het wordt aangevraagd.',
      ),
      item(
        '2.10',
        'wordt bij een verblijf buiten huis afgesproken wie de casusregie heeft tijdens en na het verblijf.',
      ),
    ],
  },
  {
    number: 3,
    key: 'zorgtoeleiding',
    title: 'Toeleiding naar jeugdhulp',
    subject: 'Ons team / de professional',
    items: [
      item(
        '3.1',
        'is voor inwoners met een hulpvraag goed te vinden en aan te spreken als toegang tot jeugdhulp.',
        'Leg inwoners helder uit hoe de toegang tot jeugdhulp is opgezet en waar zij terechtkunnen.',
      ),
      item('3.2', 'heeft aanbieders duidelijk laten weten welke professionals gemandateerd zijn.'),
      item('3.3', 'laat nieuwe hulp aansluiten op eerdere hulp en wat die heeft opgeleverd.'),
      item(
        '3.4',
        'kan triage goed uitvoeren: brengt stap voor stap in kaart wat goed gaat en wat zorgen geeft, met instrumenten die werken.',
        'Lees samen de richtlijn over samen met ouders en jeugdige beslissen over passende hulp.',
      ),
      item(
        '3.5',
        'bepaalt samen met ouders en kind wat de hulpvraag is, hoe ernstig en dringend het is en welke steun het best past.',
        'Bespreek in het team de richtlijnen over samen beslissen, uithuisplaatsing, crisisplaatsing, residentiële hulp en pleegzorg.',
      ),
      item(
        '3.6',
        'kent de zorgroutes van de Groninger gemeenten en werkt ernaar.',
        'Loop de zorgroutes samen door.',
      ),
      item(
        '3.7',
        'kent de routes en wettelijke eisen die naar een beschermingsmaatregel leiden, en volgt ze.',
      ),
      item('3.8', 'neemt de belangrijke beslissingen over hulp samen met andere disciplines.'),
      item(
        '3.9',
        'kiest passende hulp volgens ‘zo licht als kan, zo zwaar als nodig’.',
        'Stel met de expertpool criteria op voor op- en afschalen en deel ze met andere regio’s.',
      ),
      item(
        '3.10',
        'vraagt bij meervoudige, complexe problemen op tijd de expertpool om samen maatwerk te maken.',
        'Lees de afspraken over de rol en taken van de expertpool door.',
      ),
      item(
        '3.11',
        'vraagt de expertpool om advies bij elke hulp die niet vrij toegankelijk is.',
        'Zorg dat iedereen weet welke hulp vrij en welke niet vrij toegankelijk is (overzicht bij de RIGG).',
      ),
      item(
        '3.12',
        'kiest voor samenhangende, doelmatige hulp en bewezen werkzame interventies bij gecontracteerde aanbieders.',
        'Houd een overzicht bij van het aanbod van de gecontracteerde aanbieders.',
      ),
      item(
        '3.13',
        'kent de regels voor individuele voorzieningen, zoals een pgb en voorliggende voorzieningen als de Wlz.',
      ),
      item(
        '3.14',
        'weet wat de gecontracteerde aanbieders inhoudelijk bieden.',
        'Houd een overzicht bij van het aanbod van de gecontracteerde aanbieders.',
      ),
      item(
        '3.15',
        'draagt bij een verwijzing, in overleg met het gezin, persoonlijk, op tijd en volledig over: het RIGG-formulier met contactgegevens en de gevraagde hulp, plus een samenvatting van de vraagverheldering, de analyse van problemen en krachten, de ingeschatte ondersteuningsbehoefte en de onderbouwing van de aanvraag.',
      ),
    ],
  },
  {
    number: 4,
    key: 'veiligheid',
    title: 'Veiligheid',
    subject: 'De professional',
    items: [
      item('4.1', 'weet hoe veilig de kinderen nu zijn bij wie hij of zij betrokken is.'),
      item(
        '4.2',
        'is steeds open naar kinderen en ouders over de normen voor veilig opgroeien.',
        'Organiseer een training in het bespreken van onveiligheid met ouders.',
      ),
      item(
        '4.3',
        'herkent risico’s voor veiligheid, ontwikkeling en suïcide en zoekt die uit in gesprekken met kind, gezin en netwerk.',
        'Train het team in het herkennen van signalen van onveiligheid, met passende instrumenten.',
      ),
      item(
        '4.4',
        'doet altijd een kindcheck bij ouders met meervoudige, complexe problemen.',
        'Zoek uit hoe de kindcheck werkt en spreek af wanneer het team hem uitvoert.',
      ),
      item(
        '4.5',
        'houdt zorgelijke signalen stelselmatig bij, zodat patronen zichtbaar worden.',
        'Verdiep de kennis over kindermishandeling en gezinnen met veel problemen tegelijk.',
      ),
      item(
        '4.6',
        'weegt signalen naar aard, ernst en urgentie, ook met een vaste lijst voor risicotaxatie.',
        'Train het team in het wegen van aard, ernst en urgentie en in passende interventies, met een licht risicotaxatie-instrument.',
      ),
      item(
        '4.7',
        'beoordeelt de veiligheid samen met andere disciplines en haalt zo nodig veiligheidsdeskundigen erbij.',
      ),
      item('4.8', 'neemt op grond van die beoordeling de nodige besluiten en grijpt zo nodig in.'),
      item(
        '4.9',
        'werkt volgens de meldcode huiselijk geweld en kindermishandeling.',
        'Zorg dat enkele teamleden deskundig zijn in de meldcode en het veiligheidsplan en getraind in een werkwijze als Signs of Safety.',
        'Zorg per team voor minstens twee mensen met veiligheidsdeskundigheid die hun kennis bijhouden en delen.',
      ),
      item(
        '4.10',
        'kent de taken van de veiligheidspartners en de veiligheidsroutes in de Groninger gemeenten, en werkt ernaar.',
        'Lees samen de informatie over de veiligheidspartners en de veiligheidsroutes.',
      ),
      item(
        '4.11',
        'bespreekt signalen van onveiligheid met ouders en netwerk (bijvoorbeeld in een netwerkberaad) en legt ondergrenzen vast.',
        'Organiseer een training in het bespreken van onveiligheid met ouders.',
      ),
      item(
        '4.12',
        'maakt met kind, gezin en omgeving een veiligheidsplan, voert het samen uit en ziet toe op de afspraken.',
        'Maak een bijscholingsplan voor veiligheid met Veilig Thuis, de jeugdbescherming en de expertpool.',
      ),
      item('4.13', 'maakt duidelijke afspraken over wie de casusregie heeft.'),
      item('4.14', 'zet bij elke maatregel het belang van het kind voorop.'),
      item(
        '4.15',
        'gaat na of de risico’s zijn afgenomen en het kind zich voldoende gezond kan ontwikkelen.',
      ),
    ],
  },
  {
    number: 5,
    key: 'professioneel-handelen',
    title: 'Professioneel handelen',
    subject: 'De professional',
    items: [
      item(
        '5.1',
        'werkt vanuit een gedeeld theoretisch kader dat past bij de doelen van het jeugdstelsel, zoals systeemgericht of oplossingsgericht werken.',
        'Fris de kennis op van systeemgericht en oplossingsgericht werken en motiverende gespreksvoering.',
      ),
      item(
        '5.2',
        'krijgt de ruimte om de vraag zorgvuldig te wegen, vakkundig in te grijpen en de procedures te volgen.',
      ),
      item('5.3', 'biedt ouders aan om met hun omgeving een familiegroepsplan te maken.'),
      item(
        '5.4',
        'maakt samen met ouders een plan met perspectief, doelen en resultaten als zij dat zelf niet willen of kunnen.',
      ),
      item(
        '5.5',
        'stemt het plan, in overleg met het gezin, af met andere professionals rond het gezin.',
      ),
      item(
        '5.6',
        'houdt het dossier zo bij dat doelen, resultaten en voortgang te volgen zijn.',
        'Zorg dat het registratiesysteem past bij de werkwijze, de routes en de wet, aansluit op dat van andere gemeenten en open en dienstbaar is voor het gezin.',
      ),
      item(
        '5.7',
        'gebruikt betrouwbare en geldige instrumenten, vooral bij de vraaganalyse en de risicotaxatie.',
      ),
      item(
        '5.8',
        'werkt met richtlijnen en protocollen waarvan de werking is aangetoond: casusregisseurs kennen de richtlijnen jeugdhulp, ze zitten in de werkprocessen van het team en regisseurs krijgen steun om ze te volgen.',
        'Gebruik de richtlijnen en handreikingen jeugdhulp en de databank met werkzame jeugdinterventies.',
      ),
      item(
        '5.9',
        'werkt volgens de beroepscode en richtlijnen: planmatig, navolgbaar, methodisch, doelmatig en op resultaat gericht.',
        'Zorg voor inhoudelijke ondersteuning in het team: methodiekontwikkeling, een gedeelde visie en reflectie op casussen.',
        'Ga na of alle medewerkers in het kwaliteitsregister jeugd of het BIG-register staan en volgens hun beroepscode werken.',
      ),
      item(
        '5.10',
        'neemt besluiten in gesprek met ouders en kind, cyclisch, doelgericht en met oog voor het geheel.',
      ),
      item('5.11', 'werkt samen en stemt af met andere professionals.'),
      item(
        '5.12',
        'past de privacyregels toe.',
        'Beschrijf het privacykader van de gemeente, pas het toe en spreek elkaar erop aan.',
      ),
      item(
        '5.13',
        'blijft leren, kijkt kritisch naar het eigen werk, kent de eigen grenzen en die van het gezin en vraagt op tijd andere deskundigen mee te denken.',
      ),
    ],
  },
  {
    number: 6,
    key: 'werktoedeling',
    title: 'Verantwoorde werktoedeling',
    subject: 'In ons team',
    items: [
      item(
        '6.1',
        'is kennis aanwezig van opvoed- en opgroeiproblemen, psychische problemen, bedreigde ontwikkeling, taal- en leerproblemen, lichamelijke ziekten, beperkingen, kindermishandeling en huiselijk geweld.',
        'Zorg dat kennis van al deze gebieden in het team aanwezig en bereikbaar is.',
      ),
      item(
        '6.2',
        'zijn medewerkers bevoegd en bekwaam: geregistreerd in het kwaliteitsregister jeugd of BIG-geregistreerd met basiskennis van jeugdhulp.',
      ),
      item('6.3', 'is uit te leggen waarom iemand werkt zonder die registratie.'),
      item(
        '6.4',
        'passen de omvang en kwaliteit van het team bij wat jeugdigen en ouders in de regio nodig hebben.',
        'Vergelijk de formatie met het overzicht van ondersteuningsvragen van jeugdigen in de regio.',
      ),
      item(
        '6.5',
        'is brede kennis van de problemen van kinderen en gezinnen verspreid over de verschillende terreinen van de jeugdhulp, en geborgd.',
        'Zorg dat kennis van al deze gebieden in het team aanwezig en bereikbaar is.',
      ),
      item(
        '6.6',
        'wordt bij het verdelen van taken gekeken naar wat iemand specifiek kan en weet.',
        'Zorg voor een verantwoorde verdeling van het werk en verlaag de werkdruk.',
      ),
      item(
        '6.7',
        'is genoeg goed personeel en zijn taken en formatie in evenwicht, zodat de jeugdhulp niet in het gedrang komt.',
        'Zorg voor een verantwoorde verdeling van het werk en verlaag de werkdruk.',
      ),
      item(
        '6.8',
        'is genoeg praktijkbegeleiding en gedragswetenschappelijke kennis om inhoudelijk verantwoord te werken.',
      ),
      item(
        '6.9',
        'heeft iedere professional genoeg middelen en goede omstandigheden om het werk te doen.',
        'Breng in kaart wat medewerkers missen aan middelen en werkomstandigheden en maak daar afspraken over.',
      ),
    ],
  },
];

/** Every item by its number. */
export const CHECKLIST_ITEMS: ReadonlyMap<string, ChecklistItem & { readonly theme: number }> =
  new Map(
    CHECKLIST_THEMES.flatMap((t) =>
      t.items.map((i) => [i.number, { ...i, theme: t.number }] as const),
    ),
  );

/**
 * The fourteen iJw 3.2 message types this product exchanges: their berichtcode (COD002), XML
 * namespace and XSD, who sends them, and which return message answers them. Source: the
 * standard in `reference/ijw-3.2` (process description, COD002 code list, XSDs).
 */

export const MESSAGE_TYPES = [
  'JW301',
  'JW302',
  'JW305',
  'JW306',
  'JW307',
  'JW308',
  'JW315',
  'JW316',
  'JW317',
  'JW318',
  'JW319',
  'JW320',
  'JW323',
  'JW325',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export interface MessageInfo {
  readonly type: MessageType;
  /** COD002 berichtcode in the header. */
  readonly code: string;
  readonly namespace: string;
  /** Dutch name of the message. */
  readonly title: string;
  readonly sender: 'gemeente' | 'aanbieder';
  /** The return message that answers it; null for return messages themselves. */
  readonly answeredBy: MessageType | null;
}

const ns = (type: string) => `http://www.istandaarden.nl/ijw/3_2/${type.toLowerCase()}/schema`;
export const BASE_NAMESPACE = 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema';

const info = (
  type: MessageType,
  code: string,
  title: string,
  sender: MessageInfo['sender'],
  answeredBy: MessageType | null,
): MessageInfo => ({ type, code, namespace: ns(type), title, sender, answeredBy });

export const MESSAGES: Readonly<Record<MessageType, MessageInfo>> = {
  JW301: info('JW301', '436', 'Toewijzing jeugdhulp', 'gemeente', 'JW302'),
  JW302: info('JW302', '437', 'Retourbericht toewijzing', 'aanbieder', null),
  JW305: info('JW305', '438', 'Start jeugdhulp', 'aanbieder', 'JW306'),
  JW306: info('JW306', '439', 'Retourbericht start jeugdhulp', 'gemeente', null),
  JW307: info('JW307', '440', 'Stop jeugdhulp', 'aanbieder', 'JW308'),
  JW308: info('JW308', '441', 'Retourbericht stop jeugdhulp', 'gemeente', null),
  JW315: info('JW315', '446', 'Verzoek om toewijzing', 'aanbieder', 'JW316'),
  JW316: info('JW316', '447', 'Retourbericht verzoek om toewijzing', 'gemeente', null),
  JW317: info('JW317', '486', 'Verzoek om wijziging', 'aanbieder', 'JW318'),
  JW318: info('JW318', '487', 'Retourbericht verzoek om wijziging', 'gemeente', null),
  JW319: info('JW319', '488', 'Antwoord op verzoek', 'gemeente', 'JW320'),
  JW320: info('JW320', '489', 'Retourbericht antwoord op verzoek', 'aanbieder', null),
  JW323: info('JW323', '490', 'Declaratie jeugdhulp', 'aanbieder', 'JW325'),
  JW325: info('JW325', '491', 'Declaratie-antwoord jeugdhulp', 'gemeente', null),
};

/** The message type of an XML namespace, or null when it is not an iJw 3.2 message. */
export function typeOfNamespace(namespace: string): MessageType | null {
  return MESSAGE_TYPES.find((t) => MESSAGES[t].namespace === namespace) ?? null;
}

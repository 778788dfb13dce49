/**
 * The family portal's e-mails (issue 10, ADR 0026) in plain Dutch (B1): the one-time code, or
 * why no code comes. Young people are addressed with "je", adults with "u". And the two ways
 * to send them: over SMTP, or, for a local demo without a mail server, into the server log.
 */
import type { Mailer } from '../../jobs/digest.js';
import type { PortalMailer } from '../app.js';
import { CODE_MINUTES } from '../../store/portal-login.js';

interface Recipient {
  readonly name: string;
  readonly email: string;
  readonly young: boolean;
}

export function codeMail(to: Recipient, code: string) {
  const text = to.young
    ? [
        `Hallo ${to.name},`,
        '',
        'Je inlogcode voor het gezinsportaal is:',
        '',
        code,
        '',
        `De code werkt ${CODE_MINUTES} minuten. Daarna kun je een nieuwe code vragen.`,
        '',
        'Heb je deze code niet gevraagd? Dan hoef je niets te doen. Je kunt deze e-mail negeren.',
        'Geef de code nooit aan iemand anders.',
      ]
    : [
        `Beste ${to.name},`,
        '',
        'Uw inlogcode voor het gezinsportaal is:',
        '',
        code,
        '',
        `De code werkt ${CODE_MINUTES} minuten. Daarna kunt u een nieuwe code vragen.`,
        '',
        'Heeft u deze code niet gevraagd? Dan hoeft u niets te doen. U kunt deze e-mail negeren.',
        'Geef de code nooit aan iemand anders.',
      ];
  return {
    to: to.email,
    subject: to.young
      ? 'Je inlogcode voor het gezinsportaal'
      : 'Uw inlogcode voor het gezinsportaal',
    text: [...text, '', 'Casusregie'].join('\n'),
  };
}

/** Why no code comes: the owner of the address may well know the reason. */
export function refusalMail(to: Recipient, reason: string) {
  const text = to.young
    ? [
        `Hallo ${to.name},`,
        '',
        'Er is een inlogcode voor het gezinsportaal gevraagd met dit e-mailadres.',
        'We sturen geen code.',
        '',
        reason,
        '',
        'Heb je vragen? Vraag het aan je casusregisseur.',
        'Heb je zelf niets gevraagd? Dan kun je deze e-mail negeren.',
      ]
    : [
        `Beste ${to.name},`,
        '',
        'Er is een inlogcode voor het gezinsportaal gevraagd met dit e-mailadres.',
        'Wij sturen geen code.',
        '',
        reason,
        '',
        'Heeft u vragen? Neem dan contact op met uw casusregisseur.',
        'Heeft u zelf niets gevraagd? Dan kunt u deze e-mail negeren.',
      ];
  return {
    to: to.email,
    subject: 'Inloggen bij het gezinsportaal lukt niet',
    text: [...text, '', 'Casusregie'].join('\n'),
  };
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The portal's mails through the digest's mailer (SMTP): the plain text, and as HTML paragraphs. */
export function portalMailerOver(mailer: Mailer, from: string): PortalMailer {
  return {
    send: (message) =>
      mailer.send({
        from,
        ...message,
        html: message.text
          .split('\n\n')
          .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
          .join('\n'),
      }),
  };
}

/**
 * Local demo only (`PORTAAL_CODE_IN_LOG=aan`): writes each mail, code included, to the server
 * log instead of sending it. Anyone who reads the log can then log in as anyone.
 */
export function logPortalMailer(write: (line: string) => void): PortalMailer {
  return {
    send: (message) => {
      write(
        `LET OP – gezinsportaal-mail in het log (PORTAAL_CODE_IN_LOG=aan), niet verstuurd:\n` +
          `aan: ${message.to}\nonderwerp: ${message.subject}\n${message.text}\n`,
      );
      return Promise.resolve();
    },
  };
}

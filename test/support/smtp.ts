/**
 * A plain SMTP server on 127.0.0.1 (no TLS, no login) in the test process that keeps what it
 * receives, and a wait for a mail that is sent after the HTTP answer (the family portal's).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly to: string[];
  readonly subject: string;
  readonly text: string;
}

export interface TestSmtp {
  readonly url: string;
  readonly inbox: ReceivedMail[];
  /** The `nth` (1-based) mail to this address, waiting up to `ms` for it. */
  mailTo(address: string, nth?: number, ms?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const inbox: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      simpleParser(stream).then(
        (mail) => {
          inbox.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    mailTo: async (address, nth = 1, ms = 10_000) => {
      const until = Date.now() + ms;
      for (;;) {
        const found = inbox.filter((m) => m.to.includes(address))[nth - 1];
        if (found) return found;
        if (Date.now() > until) throw new Error(`no mail number ${nth} to ${address}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

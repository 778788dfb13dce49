/**
 * The session cookie (ASVS 3.4): HttpOnly, SameSite=Strict (the app never needs the cookie on
 * a request started by another site; an OIDC return lands on our own page first), path `/`,
 * and over HTTPS `Secure` with the `__Host-` prefix.
 */
import type { FastifyReply } from 'fastify';
import { sessionCookieName } from '../auth/sessions.js';

export function setSessionCookie(
  reply: FastifyReply,
  session: { readonly token: string; readonly expiresAt: Date },
  secure: boolean,
): void {
  reply.setCookie(sessionCookieName(secure), session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName(secure), {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'strict',
  });
}

/**
 * The family portal's way to the server (ADR 0026): JSON over /api/v1/portaal with the portal
 * cookie and the portal session's own CSRF token (never the staff one). Errors arrive as
 * `ApiFailure`, as in the staff UI.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiFailure, type FieldProblem, type StaleWrite } from '../api.js';

export type PortalRole = 'vertegenwoordiger' | 'jongere-12-15' | 'jongere-16-plus';

export interface PortalMe {
  readonly naam: string;
  readonly rol: PortalRole;
  readonly csrfToken: string;
}

export const PORTAL_SESSION_KEY = ['portaal-sessie'] as const;

let portalCsrf: string | null = null;

export async function portalApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && portalCsrf) headers['x-csrf-token'] = portalCsrf;
  let response: Response;
  try {
    response = await fetch(`/api/v1/portaal${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiFailure(0, 'network', 'Er is geen verbinding. Probeer het zo opnieuw.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const error = (
      parsed as {
        error?: {
          code?: string;
          message?: string;
          fields?: FieldProblem[];
          wijziging?: StaleWrite;
        };
      } | null
    )?.error;
    throw new ApiFailure(
      response.status,
      error?.code ?? 'unknown',
      error?.message ?? 'Er ging iets mis. Probeer het opnieuw.',
      error?.fields ?? [],
      error?.wijziging ?? null,
    );
  }
  return parsed as T;
}

async function fetchPortalSession(): Promise<PortalMe | null> {
  try {
    const me = await portalApi<PortalMe>('GET', '/sessie');
    portalCsrf = me.csrfToken;
    return me;
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) {
      portalCsrf = null;
      return null;
    }
    throw error;
  }
}

export function usePortalSession() {
  return useQuery({ queryKey: PORTAL_SESSION_KEY, queryFn: fetchPortalSession, staleTime: 60_000 });
}

export function usePortalLogin() {
  const client = useQueryClient();
  return useCallback(
    async (email: string, code: string) => {
      const me = await portalApi<PortalMe>('POST', '/sessie', { email, code });
      portalCsrf = me.csrfToken;
      client.setQueryData(PORTAL_SESSION_KEY, me);
      return me;
    },
    [client],
  );
}

export function usePortalLogout() {
  const client = useQueryClient();
  return useCallback(async () => {
    try {
      await portalApi('DELETE', '/sessie');
    } finally {
      portalCsrf = null;
      client.removeQueries({ queryKey: ['portaal'] });
      client.setQueryData(PORTAL_SESSION_KEY, null);
    }
  }, [client]);
}

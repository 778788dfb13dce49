/**
 * Who is logged in. The session lives in an HttpOnly cookie the UI cannot read; the UI asks
 * the server (`GET /sessie`) and keeps the CSRF token it gets back for changes.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, ApiFailure, setCsrfToken, type Me } from './api.js';

export const SESSION_KEY = ['sessie'] as const;

async function fetchSession(): Promise<Me | null> {
  try {
    const me = await api<Me>('GET', '/sessie');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

export function useLogin() {
  const client = useQueryClient();
  return useCallback(
    async (email: string, wachtwoord: string) => {
      const me = await api<Me>('POST', '/sessie', { email, wachtwoord });
      setCsrfToken(me.csrfToken);
      client.clear();
      client.setQueryData(SESSION_KEY, me);
      return me;
    },
    [client],
  );
}

export function useLogout() {
  const client = useQueryClient();
  return useCallback(async () => {
    try {
      await api('DELETE', '/sessie');
    } finally {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    }
  }, [client]);
}

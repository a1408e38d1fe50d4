import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, ProblemError, setCsrfToken } from './api.js';
import type { AuthResponse, Me, MeCompany, Region } from './api.js';
import { currentLang } from './i18n/index.js';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ProblemError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

export function activeCompanyOf(me: Me | null | undefined): MeCompany | null {
  if (!me) return null;
  return me.companies.find((c) => c.id === me.activeCompanyId) ?? me.companies[0] ?? null;
}

/** Call after login/register: keep the CSRF token and refresh who-am-I. */
export function useSignedIn() {
  const qc = useQueryClient();
  return useCallback(
    async (res: AuthResponse) => {
      setCsrfToken(res.csrfToken);
      await qc.invalidateQueries({ queryKey: ME_KEY });
      await qc.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe });
    },
    [qc],
  );
}

export function useSignOut() {
  const qc = useQueryClient();
  return useCallback(async () => {
    try {
      await api('/auth/logout', { method: 'POST' });
    } finally {
      setCsrfToken(null);
      qc.setQueryData(ME_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'regions' });
    }
  }, [qc]);
}

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: () => api<{ items: Region[] }>('/regions').then((r) => r.items),
    staleTime: Infinity,
  });
}

export function useRegionName() {
  const { data } = useRegions();
  const lang = currentLang();
  return useCallback(
    (code: string) => {
      const r = data?.find((x) => x.code === code);
      if (!r) return code;
      return lang === 'en-US' ? r.en : r.zh;
    },
    [data, lang],
  );
}

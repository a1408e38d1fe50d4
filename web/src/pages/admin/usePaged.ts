import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '../../api.js';
import { api } from '../../api.js';

export function usePaged<T>(key: unknown[], path: string, query: Record<string, string | undefined>) {
  const q = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam }) => api<Page<T>>(path, { query: { ...query, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...q, items: q.data?.pages.flatMap((p) => p.items) ?? [] };
}

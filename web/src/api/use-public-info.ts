import { useQuery } from '@tanstack/react-query';
import { fetchPublicInfo } from './public';

export function usePublicInfo() {
  return useQuery({ queryKey: ['public-info'], queryFn: fetchPublicInfo, staleTime: 5 * 60_000 });
}

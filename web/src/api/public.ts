import { get } from './client';
import type { PublicInfo } from './types';

export const fetchPublicInfo = () => get<PublicInfo>('/api/public/info');

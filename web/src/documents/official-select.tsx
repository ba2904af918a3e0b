import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client';
import type { Page, UserSummary } from '../api/types';
import { FormSelect } from '../components/form-select';
import { fetchUnitOfficials } from './signer-select';

interface Props {
  id?: string;
  value?: number | number[];
  onChange?: (value: number | number[]) => void;
  multiple?: boolean;
  /** Reviewers of this unit's draft (the documents module's list, open to drafters) instead of the user directory. */
  reviewersOf?: number;
  'aria-describedby'?: string;
}

/** Officials in the caller's reach (GET /api/users is scoped by user.read), searched by name without diacritics. */
export function OfficialSelect({ multiple, reviewersOf, ...rest }: Props) {
  const { t } = useTranslation();
  const users = useQuery({
    queryKey: ['users', 'officials', reviewersOf ?? 'directory'],
    queryFn: async () =>
      reviewersOf === undefined
        ? (await get<Page<UserSummary>>('/api/users?kind=official&status=active&page=1&pageSize=100')).items
        : fetchUnitOfficials(reviewersOf, 'review'),
    staleTime: 60_000,
    retry: false,
  });
  const options = (users.data ?? []).map((user) => ({
    value: user.id,
    label: user.title ? `${user.fullName} — ${user.title}` : user.fullName,
  }));
  return (
    <FormSelect<number | number[]>
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      optionFilterProp="label"
      allowClear={multiple}
      loading={users.isPending}
      placeholder={t('documents.dialog.userPlaceholder')}
      options={options}
    />
  );
}

import { useState } from 'react';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchUsers } from '../api/users';
import { FormSelect } from '../components/form-select';

interface Props {
  id?: string;
  value?: number;
  onChange?: (value: number) => void;
}

/** An active official, searched on the server by name or username (GET /api/users?q=, diacritics optional). */
export function SignerSelect({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const users = useQuery({
    queryKey: ['users', 'signer-pick', q],
    queryFn: () => fetchUsers({ q: q || undefined, page: 1, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const options = (users.data?.items ?? [])
    .filter((user) => user.kind === 'official' && user.status === 'active')
    .map((user) => ({
      value: user.id,
      label: [user.fullName, user.title, user.unitName].filter(Boolean).join(' — '),
    }));
  return (
    <FormSelect<number>
      id={id}
      value={value}
      onChange={onChange}
      showSearch
      filterOption={false}
      onSearch={(text) => setQ(text.trim())}
      loading={users.isFetching}
      placeholder={t('signing.admin.searchUser')}
      options={options}
      notFoundContent={t('common.none')}
    />
  );
}

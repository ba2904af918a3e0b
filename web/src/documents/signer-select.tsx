import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client';
import { DocumentPermission } from '../api/documents';
import type { Page, UserSummary } from '../api/types';
import { fetchRoles } from '../api/users';
import { FormSelect } from '../components/form-select';

interface Signer {
  id: number;
  fullName: string;
  title: string | null;
}

/**
 * Who may sign for the unit: the documents module's signer list where the server has it (a specialist has no
 * user.read), else the officials in reach whose roles carry document.sign.
 */
async function fetchSigners(unitId: number): Promise<Signer[]> {
  try {
    return (await get<{ items: Signer[] }>(`/api/documents/signers?unitId=${unitId}`)).items;
  } catch {
    const [roles, users] = await Promise.all([fetchRoles(), get<Page<UserSummary>>('/api/users?kind=official&status=active&page=1&pageSize=100')]);
    const signing = new Set(roles.filter((role) => role.permissions.includes(DocumentPermission.Sign)).map((role) => role.code));
    return users.items.filter((user) => user.roles.some((grant) => signing.has(grant.role)));
  }
}

interface Props {
  id?: string;
  unitId: number | undefined;
  value?: number;
  onChange?: (value: number) => void;
}

export function SignerSelect({ unitId, ...rest }: Props) {
  const { t } = useTranslation();
  const signers = useQuery({
    queryKey: ['document-signers', unitId],
    queryFn: () => fetchSigners(unitId!),
    enabled: unitId !== undefined,
    retry: false,
    staleTime: 60_000,
  });
  return (
    <FormSelect<number>
      {...rest}
      showSearch
      optionFilterProp="label"
      loading={signers.isFetching}
      notFoundContent={signers.isFetching ? undefined : t('documents.draft.noSigners')}
      options={(signers.data ?? []).map((signer) => ({ value: signer.id, label: signer.title ? `${signer.fullName} — ${signer.title}` : signer.fullName }))}
    />
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client';
import { FormSelect } from '../components/form-select';

interface Signer {
  id: number;
  fullName: string;
  title: string | null;
}

/** Who may sign for the unit (GET /api/documents/officials: the drafter needs no access to the user directory). */
export async function fetchUnitOfficials(unitId: number, right: 'sign' | 'review'): Promise<Signer[]> {
  return (await get<{ items: Signer[] }>(`/api/documents/officials?unitId=${unitId}&right=${right}`)).items;
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
    queryFn: () => fetchUnitOfficials(unitId!, 'sign'),
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

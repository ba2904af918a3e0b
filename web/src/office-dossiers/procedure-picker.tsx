import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { fetchProcedures } from '../api/procedures';

interface Props {
  id?: string;
  value?: string;
  onChange?: (code: string) => void;
  placeholder?: string;
}

/** Search the catalogue as the officer types (diacritics ignored by the server) and pick one procedure. */
export function ProcedurePicker({ id, value, onChange, placeholder }: Props) {
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['procedures', 'picker', q], queryFn: () => fetchProcedures({ q: q || undefined, pageSize: 20 }) });
  return (
    <Select<string>
      id={id}
      showSearch
      value={value}
      placeholder={placeholder}
      filterOption={false}
      onSearch={setQ}
      onChange={(code) => onChange?.(code)}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((procedure) => ({ value: procedure.code, label: `${procedure.code} — ${procedure.name}` }))}
      style={{ width: '100%' }}
      popupMatchSelectWidth
    />
  );
}

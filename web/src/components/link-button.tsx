import type { ComponentProps, MouseEvent } from 'react';
import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';

type Props = Omit<ComponentProps<typeof Button>, 'href' | 'onClick'> & { to: string };

/** A link that looks like a button: one element (no <a><button> nesting), client-side navigation. */
export function LinkButton({ to, ...props }: Props) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <Button {...props} href={to} onClick={onClick} />;
}

import { Button } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { logout } from '../api/auth';
import { useSetMe } from '../auth/session';

export function LogoutButton({ ghost }: { ghost?: boolean }) {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: logout,
    // Even if the server already forgot the session, the browser must forget the user.
    onSettled: () => {
      setMe(null);
      navigate('/login', { replace: true });
    },
  });
  return (
    <Button ghost={ghost} icon={<LogoutOutlined aria-hidden="true" />} onClick={() => signOut.mutate()} loading={signOut.isPending}>
      {t('shell.logout')}
    </Button>
  );
}

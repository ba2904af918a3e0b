import { Button } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { logout } from '../api/auth';

/**
 * Signing out reloads the login page instead of navigating inside the app: nothing of the previous
 * user (cached lists, personal data) survives in memory for the next person at a shared counter PC.
 */
export function signedOut(): void {
  window.location.assign('/login');
}

export function LogoutButton({ ghost }: { ghost?: boolean }) {
  const { t } = useTranslation();
  // Even if the server already forgot the session, the browser must forget the user.
  const signOut = useMutation({ mutationFn: logout, onSettled: signedOut });
  return (
    <Button ghost={ghost} icon={<LogoutOutlined aria-hidden="true" />} onClick={() => signOut.mutate()} loading={signOut.isPending}>
      {t('shell.logout')}
    </Button>
  );
}

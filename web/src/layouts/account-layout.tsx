import { useMe } from '../auth/session';
import { OfficeLayout } from './office-layout';
import { PublicLayout } from './public-layout';

/** Account pages sit in the frame the user works in: officials in the office shell, citizens on the portal. */
export function AccountLayout() {
  const me = useMe().data;
  const official = me && me.kind === 'official' && !me.mfaEnrolmentRequired;
  return official ? <OfficeLayout /> : <PublicLayout />;
}

import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App as AntApp, ConfigProvider, unstableSetRender } from 'antd';
import viVN from 'antd/es/locale/vi_VN';
import enUS from 'antd/es/locale/en_US';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import './i18n/i18n';
import { ApiError } from './api/client';
import { ME_KEY } from './auth/session';
import { theme } from './theme';
import { AppRoutes } from './app';
import './styles.css';

// Ant Design 5 renders popups (wave effect, static modals) with the React 18 API; React 19 needs createRoot.
unstableSetRender((node, container) => {
  const host = container as Element & { cqsRoot?: Root };
  host.cqsRoot ??= createRoot(host);
  host.cqsRoot.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    host.cqsRoot?.unmount();
    delete host.cqsRoot;
  };
});

// A session that ended meanwhile (idle timeout, signed out elsewhere, account disabled) or an administrator
// who still has to enrol TOTP: ask the server who we are again, and the route guard takes it from there.
function onApiError(error: unknown): void {
  if (error instanceof ApiError && (error.status === 401 || error.code === 'MFA_ENROLMENT_REQUIRED')) {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // A 4xx answer (not found, forbidden) will not change on retry.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function Root() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>
        <AppRoutes />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Root />
    </QueryClientProvider>
  </StrictMode>,
);

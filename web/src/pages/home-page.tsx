import { Card, Col, Row, Typography } from 'antd';
import { FileSearchOutlined, LoginOutlined, SolutionOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { usePublicInfo } from '../api/use-public-info';
import { usePageTitle } from '../components/use-page-title';

interface EntryPoint {
  to: string;
  icon: ReactNode;
  title: string;
  text: string;
}

export function HomePage() {
  const { t } = useTranslation();
  const info = usePublicInfo();
  const province = info.data?.province?.name ?? t('public.defaultProvince');
  usePageTitle(t('public.portalTitle'));
  const entries: EntryPoint[] = [
    { to: '/services', icon: <SolutionOutlined />, title: t('public.services'), text: t('public.servicesText') },
    { to: '/tracking', icon: <FileSearchOutlined />, title: t('public.tracking'), text: t('public.trackingText') },
    { to: '/login', icon: <LoginOutlined />, title: t('public.signIn'), text: t('public.signInText') },
  ];
  return (
    <>
      <section className="cqs-hero" aria-labelledby="hero-title">
        <div className="cqs-container">
          <Typography.Title id="hero-title" level={1} className="cqs-hero-title">
            {t('public.heroTitle', { province })}
          </Typography.Title>
          <Typography.Paragraph className="cqs-hero-text">{t('public.heroText')}</Typography.Paragraph>
        </div>
      </section>
      <section className="cqs-container cqs-entry-points" aria-labelledby="entry-title">
        <Typography.Title id="entry-title" level={2}>
          {t('public.entryPoints')}
        </Typography.Title>
        <Row gutter={[24, 24]}>
          {entries.map((entry) => (
            <Col xs={24} md={8} key={entry.to}>
              <Link to={entry.to} className="cqs-entry-link">
                <Card hoverable className="cqs-entry-card">
                  <span className="cqs-entry-icon" aria-hidden="true">
                    {entry.icon}
                  </span>
                  <Typography.Title level={3} className="cqs-entry-title">
                    {entry.title}
                  </Typography.Title>
                  <Typography.Paragraph className="cqs-entry-text">{entry.text}</Typography.Paragraph>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </section>
    </>
  );
}

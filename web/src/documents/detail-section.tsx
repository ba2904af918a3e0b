import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';

/** A titled card that is also a named region (screen readers list the page's sections by these titles). */
export function DetailSection({ id, title, children, extra }: { id: string; title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card>
      <section aria-labelledby={id}>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap', alignItems: 'center' }}>
          <Typography.Title id={id} level={2} style={{ fontSize: 20, marginTop: 0 }}>
            {title}
          </Typography.Title>
          {extra}
        </div>
        {children}
      </section>
    </Card>
  );
}

import { useState } from 'react';
import { Button, Card, Flex, Input, Radio, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rateDossier, type DossierDetail } from '../api/dossiers';
import { ProblemAlert } from '../components/problem-alert';
import { formatDateTime } from '../format/date';
import './portal.css';

const SCORES = [1, 2, 3, 4, 5] as const;

/** "★★★★☆" for the eye; the text beside it says the score for everyone else. */
function Stars({ score }: { score: number }) {
  return (
    <span aria-hidden="true" className="cqs-rating-stars">
      {'★'.repeat(score)}
      {'☆'.repeat(5 - score)}
    </span>
  );
}

/**
 * Đánh giá mức độ hài lòng (domain.md §4, feeds service index group 5): once, after the result is returned.
 * Native radio buttons rather than antd's Rate, whose star radios carry no accessible name.
 */
export function RatingCard({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [score, setScore] = useState<number | undefined>();
  const [comment, setComment] = useState('');
  const rate = useMutation({
    mutationFn: () => rateDossier(dossier.code, { score: score!, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dossier', dossier.code] }),
  });
  const given = dossier.rating;
  return (
    <Card title={<h2 className="cqs-card-title">{t('citizen.rating.title')}</h2>}>
      {given ? (
        <Flex vertical gap={4} data-testid="given-rating">
          <Flex gap={8} align="center">
            <Stars score={given.score} />
            <Typography.Text strong>{t('citizen.rating.given', { score: given.score })}</Typography.Text>
          </Flex>
          {given.comment && <Typography.Paragraph style={{ margin: 0 }}>“{given.comment}”</Typography.Paragraph>}
          <Typography.Text type="secondary">{t('citizen.rating.at', { date: formatDateTime(given.at) })}</Typography.Text>
        </Flex>
      ) : (
        <Flex vertical gap={12}>
          <ProblemAlert error={rate.error} />
          <fieldset className="cqs-fieldset">
            <legend>{t('citizen.rating.question')}</legend>
            <Radio.Group value={score} onChange={(event) => setScore(event.target.value as number)} optionType="button" buttonStyle="solid">
              {SCORES.map((value) => (
                <Radio.Button key={value} value={value}>
                  {t('citizen.rating.stars', { score: value })}
                </Radio.Button>
              ))}
            </Radio.Group>
            {score !== undefined && (
              <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                <Stars score={score} /> {t(`citizen.rating.meaning.${score}`)}
              </Typography.Paragraph>
            )}
          </fieldset>
          <label htmlFor="rating-comment">{t('citizen.rating.comment')}</label>
          <Input.TextArea id="rating-comment" rows={3} maxLength={1000} value={comment} onChange={(event) => setComment(event.target.value)} />
          <div>
            <Button type="primary" disabled={score === undefined} loading={rate.isPending} onClick={() => rate.mutate()}>
              {t('citizen.rating.submit')}
            </Button>
          </div>
        </Flex>
      )}
    </Card>
  );
}

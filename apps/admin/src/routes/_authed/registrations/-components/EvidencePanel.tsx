import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { RegistrationReview } from '@partnerline/domain';
import { formatDate, formatNumber, useLocale } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';
import { evidenceFileUrl } from '../../../../api/registration-review';

const KINDS = ['proofOfCommunication', 'customerFeedback', 'customerDetails'] as const;
const INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/** The covering agreement, its evidence standard, each evidence item against it, and the uploaded files. */
export function EvidencePanel({ r }: { r: RegistrationReview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const standard = r.agreement?.evidenceStandard ?? null;
  return (
    <Card>
      <Stack gap="sm">
        <Title order={4}>{t('review.agreement')}</Title>
        {r.agreement ? (
          <Text size="sm">
            {t(`agreementType.${r.agreement.type}`)} · {t('review.term', { start: formatDate(r.agreement.startDate, locale), end: formatDate(r.agreement.endDate, locale) })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('review.noAgreement')}
          </Text>
        )}
        {r.agreement && !standard && (
          <Text size="sm" c="dimmed">
            {t('review.noStandard')}
          </Text>
        )}
        <Title order={4} mt="xs">
          {t('review.evidence')}
        </Title>
        {KINDS.map((k) => {
          const required = !!standard?.[k];
          const missing = r.missingEvidence.includes(k);
          return (
            <Stack key={k} gap={2} data-testid={`evidence-${k}`}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {t(`review.evidenceKinds.${k}`)}
                </Text>
                {standard && (
                  <Badge size="xs" variant="light" color={missing ? 'red' : required ? 'blue' : 'gray'}>
                    {missing ? t('review.missing') : required ? t('review.required') : t('review.optional')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" c={r.evidence[k] ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {r.evidence[k] ?? t('review.notGiven')}
              </Text>
            </Stack>
          );
        })}
        <Title order={4} mt="xs">
          {t('review.files')}
        </Title>
        {r.files.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('review.noFiles')}
          </Text>
        )}
        {r.files.map((f) => (
          <Group key={f.id} gap="xs" justify="space-between" wrap="wrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {f.filename}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`review.evidenceKinds.${f.kind}`, { defaultValue: f.kind })} · {formatNumber(Math.ceil(f.size / 1024), locale, 0)} KB · {formatDate(f.uploadedAt, locale)}
              </Text>
            </Stack>
            <Group gap="sm">
              {INLINE.has(f.mimeType) && (
                <Anchor size="sm" href={evidenceFileUrl(r.id, f.id, true)} target="_blank" rel="noopener">
                  {t('review.open')}
                </Anchor>
              )}
              <Anchor size="sm" href={evidenceFileUrl(r.id, f.id, false)}>
                {t('review.download')}
              </Anchor>
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

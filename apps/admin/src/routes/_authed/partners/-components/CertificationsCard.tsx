import { Anchor, Badge, Card, Divider, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { formatDate } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { certificationsQueryOptions, partnerQualificationQueryOptions } from '../../../../api/training';
import { ComplianceBadge, gapText } from '../../-components/QualificationPanel';
import { CertificationStatusBadge } from '../../training/-components/TrainingBadges';

const SHOWN = 8;
const ORDER = { expiring: 0, active: 1, expired: 2, revoked: 3 } as const;

/** Partner 360: the team's certificates and whether each active agreement's qualification requirements are met. */
export function CertificationsCard({ partnerId }: { partnerId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const certs = useQuery(certificationsQueryOptions({ partnerId }));
  const qualification = useQuery(partnerQualificationQueryOptions(partnerId));
  const sorted = [...(certs.data ?? [])].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.expiresOn.localeCompare(b.expiresOn));
  const valid = sorted.filter((c) => c.status === 'active' || c.status === 'expiring').length;

  return (
    <Card>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Text fw={600}>{t('partnerTraining.title')}</Text>
        <Anchor size="xs" renderRoot={(props) => <Link {...props} to="/training/certifications" search={{ partnerId }} />}>
          {t('partnerTraining.all')} →
        </Anchor>
      </Group>
      {(certs.isLoading || qualification.isLoading) && <Loader size="sm" />}

      {qualification.data && qualification.data.length > 0 && (
        <Stack gap={6} mb="sm">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('partnerTraining.qualification')}
          </Text>
          {qualification.data.map((q) => (
            <Stack key={q.agreementId} gap={2}>
              <Group justify="space-between" wrap="nowrap">
                <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: q.agreementId }} />}>
                  {q.agreementNumber}
                </Anchor>
                <ComplianceBadge qualification={q} size="sm" />
              </Group>
              {q.lines
                .filter((l) => l.missing > 0)
                .map((l) => (
                  <Group key={`${l.jobRole}-${l.productLineId}`} gap={4} wrap="nowrap">
                    <IconAlertTriangle size={12} color="var(--mantine-color-red-6)" style={{ flexShrink: 0 }} />
                    <Text size="xs" c="red.8">
                      {gapText(t, l)}
                    </Text>
                  </Group>
                ))}
            </Stack>
          ))}
          <Divider mt={4} />
        </Stack>
      )}

      {certs.data && (
        <Stack gap={6}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('partnerTraining.certificates', { count: valid })}
          </Text>
          {sorted.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('partnerTraining.none')}
            </Text>
          )}
          {sorted.slice(0, SHOWN).map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} truncate>
                  {c.holderName}{' '}
                  <Text span size="xs" c="dimmed" fw={400}>
                    {t('partnerTraining.until', { date: formatDate(c.expiresOn, locale) })}
                  </Text>
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {c.name}
                </Text>
              </Stack>
              <Group gap={4} wrap="nowrap">
                <Badge variant="default" size="sm">
                  {c.productLineCode}
                </Badge>
                <CertificationStatusBadge status={c.status} size="sm" />
              </Group>
            </Group>
          ))}
          {sorted.length > SHOWN && (
            <Text size="xs" c="dimmed">
              {t('partnerTraining.more', { count: sorted.length - SHOWN })}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

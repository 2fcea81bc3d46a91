import { Alert, Badge, Card, Group, Loader, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { Qualification, QualificationLine } from '@partnerline/domain';
import { ApiError, formatDate } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { agreementQualificationQueryOptions } from '../../../api/training';
import { useTranslation } from 'react-i18next';

/** "Compliant" or "N gaps", for a card header. */
export function ComplianceBadge({ qualification, size = 'md' }: { qualification: Qualification; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const missing = qualification.lines.reduce((n, l) => n + l.missing, 0);
  if (qualification.lines.length === 0) return <Badge color="gray" variant="light" size={size}>{t('qualification.noRequirements')}</Badge>;
  return qualification.compliant ? (
    <Badge color="green" size={size} leftSection={<IconCircleCheck size={12} />}>
      {t('qualification.compliant')}
    </Badge>
  ) : (
    <Badge color="red" size={size} leftSection={<IconAlertTriangle size={12} />}>
      {t('qualification.missingCount', { count: missing })}
    </Badge>
  );
}

/** "Needs 1 more presales certified on DATA". */
export function gapText(t: (k: string, o?: Record<string, unknown>) => string, l: { jobRole: string; productLineCode: string; missing: number }): string {
  return t('qualification.gap', { count: l.missing, role: t(`jobRoles.${l.jobRole}`, { ns: 'ui' }).toLowerCase(), line: l.productLineCode });
}

/**
 * An agreement's qualification requirements against the partner's valid certificates:
 * each (job role, product line) line with required / held / missing and who holds it.
 */
export function QualificationLines({ qualification, compact = false }: { qualification: Qualification; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  if (qualification.lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('qualification.noRequirementsHint')}
      </Text>
    );
  const gaps = qualification.lines.filter((l) => l.missing > 0);
  return (
    <Stack gap="xs">
      {gaps.length > 0 && (
        <Stack gap={2}>
          {gaps.map((l) => (
            <Group key={`${l.jobRole}-${l.productLineId}`} gap={6} wrap="nowrap">
              <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" style={{ flexShrink: 0 }} />
              <Text size="sm" c="red.8">
                {gapText(t, l)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      <Table withRowBorders verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('qualification.requirement')}</Table.Th>
            <Table.Th ta="right">{t('qualification.required')}</Table.Th>
            <Table.Th ta="right">{t('qualification.held')}</Table.Th>
            <Table.Th ta="right">{t('qualification.missing')}</Table.Th>
            {!compact && <Table.Th>{t('qualification.holders')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {qualification.lines.map((l) => (
            <Line key={`${l.jobRole}-${l.productLineId}`} line={l} compact={compact} locale={locale} />
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Line({ line: l, compact, locale }: { line: QualificationLine; compact: boolean; locale: 'en' | 'zh-CN' }) {
  const { t } = useTranslation();
  const holders = l.holders.map((h) => (
    <Tooltip key={h.userId} label={t('qualification.validUntil', { date: formatDate(h.expiresOn, locale) })}>
      <Badge variant="light" color="indigo" radius="sm" style={{ textTransform: 'none' }}>
        {h.name}
      </Badge>
    </Tooltip>
  ));
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={500}>
              {t(`jobRoles.${l.jobRole}`, { ns: 'ui' })}
            </Text>
            <Badge variant="default" size="sm">
              {l.productLineCode}
            </Badge>
          </Group>
        </Table.Td>
        <Table.Td ta="right">{l.required}</Table.Td>
        <Table.Td ta="right">{l.held}</Table.Td>
        <Table.Td ta="right">
          {l.missing > 0 ? (
            <Badge color="red" variant="filled" size="sm">
              {l.missing}
            </Badge>
          ) : (
            <IconCircleCheck size={16} color="var(--mantine-color-green-6)" />
          )}
        </Table.Td>
        {!compact && (
          <Table.Td>
            <Group gap={4}>{holders.length ? holders : <Text size="xs" c="dimmed">—</Text>}</Group>
          </Table.Td>
        )}
      </Table.Tr>
      {compact && l.holders.length > 0 && (
        <Table.Tr>
          <Table.Td colSpan={4} pt={0} style={{ borderTop: 0 }}>
            <Group gap={4}>{holders}</Group>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** The agreement page's card: is the partner staffed with certified people as this agreement requires? */
export function AgreementQualificationCard({ agreementId }: { agreementId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { data, isLoading, error } = useQuery(agreementQualificationQueryOptions(agreementId));
  return (
    <Card>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={4}>{t('qualification.title')}</Title>
        {data && <ComplianceBadge qualification={data} size="sm" />}
      </Group>
      {isLoading && <Loader size="sm" />}
      {error && <Alert color="red" variant="light">{error instanceof ApiError ? error.message : String(error)}</Alert>}
      {data && (
        <>
          <QualificationLines qualification={data} compact />
          <Text size="xs" c="dimmed" mt="xs">
            {t('qualification.asOf', { date: formatDate(data.asOf, locale) })}
          </Text>
        </>
      )}
    </Card>
  );
}

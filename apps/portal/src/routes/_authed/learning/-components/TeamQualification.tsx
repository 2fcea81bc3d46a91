import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import type { Certification, Qualification } from '@partnerline/domain';
import { daysUntil, formatDate } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { productLinesQueryOptions } from '../../../../api/portal';
import { QualificationBadge, QualificationLineView } from '../../../../components/qualification';
import { productLineName, useLocale } from '../../../../components/training';

/** Each active agreement's requirements against the team's valid certificates. */
export function Requirements({ quals }: { quals: Qualification[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: lines } = useSuspenseQuery(productLinesQueryOptions());
  if (quals.length === 0) {
    return (
      <Card>
        <Text c="dimmed">{t('teamTraining.noAgreements')}</Text>
      </Card>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {quals.map((q) => (
        <Card key={q.agreementId} aria-label={q.agreementNumber} component="section">
          <Group justify="space-between" mb="sm">
            <Stack gap={0}>
              <Anchor
                fw={700}
                renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: q.agreementId }} />}
              >
                {q.agreementNumber}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('qualification.asOf', { date: formatDate(q.asOf, locale) })}
              </Text>
            </Stack>
            <QualificationBadge compliant={q.compliant} />
          </Group>
          {q.lines.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('qualification.noRequirements')}
            </Text>
          ) : (
            <Stack gap="sm">
              {q.lines.map((l) => (
                <QualificationLineView
                  key={`${l.jobRole}-${l.productLineId}`}
                  line={l}
                  lineName={productLineName(lines, l.productLineId, l.productLineCode, locale === 'zh-CN')}
                />
              ))}
            </Stack>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}

export function Expiring({ certs }: { certs: Certification[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card>
      <Group gap="xs" mb="sm">
        <IconClockHour4 size={18} color="var(--mantine-color-orange-6)" />
        <Title order={4}>{t('teamTraining.expiringTitle')}</Title>
      </Group>
      {certs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('teamTraining.noneExpiring')}
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('certificates.holder')}</Table.Th>
              <Table.Th>{t('certificates.certification')}</Table.Th>
              <Table.Th>{t('certificates.expires')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...certs]
              .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn))
              .map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.holderName}</Table.Td>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>
                    {formatDate(c.expiresOn, locale)}{' '}
                    <Text span size="xs" c="orange">
                      ({t('certificates.daysLeft', { count: daysUntil(c.expiresOn) })})
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

import { Card, Stack, Table, Text } from '@mantine/core';
import type { Certification } from '@partnerline/domain';
import { formatDate, StatusBadge } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { myPartnerQueryOptions } from '../../../../api/portal';
import { useLocale } from '../../../../components/training';

/** People × certifications: the latest certificate of each person for each certification. */
export function Matrix({ certs, partnerId }: { certs: Certification[]; partnerId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: partner } = useSuspenseQuery(myPartnerQueryOptions(partnerId));
  const names = [...new Map(certs.map((c) => [c.pathId, c.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const people = partner.users.filter((u) => !u.disabled || certs.some((c) => c.userId === u.id));
  const cell = (userId: string, pathId: string) =>
    certs.filter((c) => c.userId === userId && c.pathId === pathId).sort((a, b) => b.earnedOn.localeCompare(a.earnedOn))[0];
  if (names.length === 0) {
    return (
      <Card>
        <Text c="dimmed">{t('teamTraining.noCertificates')}</Text>
      </Card>
    );
  }
  return (
    <Card p={0}>
      <Table.ScrollContainer minWidth={300 + names.length * 160}>
        <Table withColumnBorders verticalSpacing="sm" horizontalSpacing="md" aria-label={t('teamTraining.tabs.matrix')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('teamTraining.person')}</Table.Th>
              {names.map(([id, name]) => (
                <Table.Th key={id} ta="center">
                  {name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {u.displayName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {u.jobRole ? t(`jobRoles.${u.jobRole}`, { ns: 'ui' }) : t(`roles.${u.role}`, { ns: 'ui' })}
                  </Text>
                </Table.Td>
                {names.map(([id]) => {
                  const c = cell(u.id, id);
                  return (
                    <Table.Td key={id} ta="center">
                      {c ? (
                        <Stack gap={2} align="center">
                          <StatusBadge kind="certificate" value={c.status} variant={c.status === 'active' ? 'filled' : 'light'} size="sm" />
                          <Text size="xs" c="dimmed">
                            {t('teamTraining.until', { date: formatDate(c.expiresOn, locale) })}
                          </Text>
                        </Stack>
                      ) : (
                        <Text c="dimmed" size="sm">
                          —
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

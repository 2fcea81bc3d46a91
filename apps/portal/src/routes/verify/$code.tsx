import { Anchor, Card, Group, Loader, Center, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCircleCheck, IconClockHour4, IconQuestionMark } from '@tabler/icons-react';
import type { CertificationStatus } from '@partnerline/domain';
import { ApiError, ErrorState, formatDate, StatusBadge } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { verificationQueryOptions } from '../../api/training';
import { PublicShell } from '../../components/PublicShell';
import { useLocale } from '../../components/training';

export const Route = createFileRoute('/verify/$code')({ component: VerifyResult });

const LOOK: Record<CertificationStatus, { color: string; icon: typeof IconCircleCheck }> = {
  active: { color: 'green', icon: IconCircleCheck },
  expiring: { color: 'green', icon: IconClockHour4 },
  expired: { color: 'orange', icon: IconAlertTriangle },
  revoked: { color: 'red', icon: IconBan },
};

function VerifyResult() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { code } = Route.useParams();
  const { data, error, isPending } = useQuery(verificationQueryOptions(code));
  const notFound = error instanceof ApiError && error.status === 404;

  let content: React.ReactNode;
  if (isPending) {
    content = (
      <Center py="xl">
        <Loader />
      </Center>
    );
  } else if (notFound) {
    content = (
      <Card withBorder radius="lg" p="xl">
        <Group gap="md" wrap="nowrap">
          <ThemeIcon size={52} radius="xl" color="gray" variant="light">
            <IconQuestionMark size={30} />
          </ThemeIcon>
          <div>
            <Title order={3}>{t('verify.notFound')}</Title>
            <Text size="sm" c="dimmed">
              {t('verify.notFoundHint', { code })}
            </Text>
          </div>
        </Group>
      </Card>
    );
  } else if (error || !data) {
    content = <ErrorState error={error} />;
  } else {
    const look = LOOK[data.status];
    const Icon = look.icon;
    const valid = data.status === 'active' || data.status === 'expiring';
    content = (
      <Card withBorder radius="lg" p={0} style={{ overflow: 'hidden' }}>
        <Group p="xl" gap="md" wrap="nowrap" bg={`var(--mantine-color-${look.color}-0)`} style={{ borderBottom: `3px solid var(--mantine-color-${look.color}-6)` }}>
          <ThemeIcon size={56} radius="xl" color={look.color}>
            <Icon size={32} />
          </ThemeIcon>
          <div>
            <Title order={3} c={`${look.color}.8`}>
              {t(`verify.verdict.${data.status}`)}
            </Title>
            <Text size="sm">{valid ? t('verify.validHint', { date: formatDate(data.expiresOn, locale) }) : t(`verify.invalidHint.${data.status}`)}</Text>
          </div>
        </Group>
        <Table verticalSpacing="sm" horizontalSpacing="xl" my="xs">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="35%">{t('verify.holder')}</Table.Th>
              <Table.Td fw={600}>{data.holderName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('verify.certification')}</Table.Th>
              <Table.Td>{data.certification}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('verify.partner')}</Table.Th>
              <Table.Td>{data.partnerName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('verify.earned')}</Table.Th>
              <Table.Td>{formatDate(data.earnedOn, locale)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('verify.validUntil')}</Table.Th>
              <Table.Td>{formatDate(data.expiresOn, locale)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('verify.status')}</Table.Th>
              <Table.Td>
                <StatusBadge kind="certificate" value={data.status} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('verify.code')}</Table.Th>
              <Table.Td ff="monospace">{data.code}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
    );
  }

  return (
    <PublicShell>
      {content}
      <Stack gap={4} align="center">
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/verify" />}>
          {t('verify.another')}
        </Anchor>
      </Stack>
    </PublicShell>
  );
}

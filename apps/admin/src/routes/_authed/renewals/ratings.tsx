import { Alert, Card, Group, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { RATING_DIMENSIONS, type VendorRatingSummary } from '@partnerline/domain';
import { errorMessage, formatDate, useLocale, vendorRatingsQueryOptions } from '@partnerline/ui';
import { IconEyeOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { RenewalsHeader } from './-components/RenewalsHeader';

const SearchSchema = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });
type Search = z.infer<typeof SearchSchema>;

export const Route = createFileRoute('/_authed/renewals/ratings')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.prefetchQuery(vendorRatingsQueryOptions(deps)),
  component: RatingsPage,
});

/** An average as the API gives it: one decimal, kept ("3.0", not "3"). */
const oneDecimal = (value: number, locale: string) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

type Averages = NonNullable<VendorRatingSummary['averages']>;
type Nps = NonNullable<VendorRatingSummary['nps']>;

/**
 * "What our partners think of us": averages per dimension, the likelihood-to-recommend score, the trend per quarter
 * and the comments — only from the policy's minimum of answering partners, so that no single partner is exposed.
 */
function RatingsPage() {
  const { t } = useTranslation();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const set = (patch: Partial<Search>) => void navigate({ search: (s) => ({ ...s, ...patch }) });
  const { data, error } = useQuery(vendorRatingsQueryOptions(search));
  return (
    <Stack maw={1300}>
      <RenewalsHeader active="ratings" />
      <Card p="sm">
        <Group align="end" gap="sm">
          <TextInput type="date" label={t('renewals.ratings.from')} value={search.from ?? data?.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value || undefined })} w={{ base: '100%', sm: 180 }} />
          <TextInput type="date" label={t('renewals.ratings.to')} value={search.to ?? data?.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value || undefined })} w={{ base: '100%', sm: 180 }} />
          {data && (
            <Text size="sm" c="dimmed" mb={8}>
              {t('renewals.ratings.respondents', { count: data.respondents })}
            </Text>
          )}
        </Group>
      </Card>
      {error && <Text c="red">{errorMessage(error)}</Text>}
      {data && !data.shown && (
        <Alert color="gray" icon={<IconEyeOff size={18} />} role="status">
          {t('renewals.ratings.hidden', { minimum: data.minimumRespondents, count: data.respondents })}
        </Alert>
      )}
      {data?.shown && data.averages && data.nps && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <AveragesCard averages={data.averages} />
          <NpsCard nps={data.nps} />
        </SimpleGrid>
      )}
      {data && data.trend.length > 0 && <TrendCard summary={data} />}
      {data?.shown && <CommentsCard comments={data.comments} />}
    </Stack>
  );
}

function AveragesCard({ averages }: { averages: Averages }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card>
      <Title order={3} size="h5" mb="sm">
        {t('renewals.ratings.averages')}
      </Title>
      <Stack gap="sm">
        {RATING_DIMENSIONS.map((d) => {
          const value = Number(averages[d]);
          return (
            <Stack key={d} gap={2}>
              <Group justify="space-between">
                <Text size="sm">{t(`renewals.dimension.${d}`)}</Text>
                <Text size="sm" fw={600}>
                  {t('renewals.ratings.average', { value: oneDecimal(value, locale) })}
                </Text>
              </Group>
              <Progress value={(value / 5) * 100} color={value >= 4 ? 'green' : value >= 3 ? 'blue' : 'orange'} aria-label={t(`renewals.dimension.${d}`)} />
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}

function NpsCard({ nps }: { nps: Nps }) {
  const { t } = useTranslation();
  const total = nps.promoters + nps.passives + nps.detractors;
  const share = (n: number) => (total === 0 ? 0 : (n / total) * 100);
  const parts = [
    { key: 'promoters', n: nps.promoters, color: 'green' },
    { key: 'passives', n: nps.passives, color: 'gray.4' },
    { key: 'detractors', n: nps.detractors, color: 'red' },
  ] as const;
  return (
    <Card>
      <Title order={3} size="h5" mb="sm">
        {t('renewals.ratings.nps')}
      </Title>
      <Text fz={40} fw={700} lh={1.1} c={nps.score > 0 ? 'green.7' : nps.score < 0 ? 'red.7' : undefined} data-testid="nps-score">
        {nps.score > 0 ? `+${nps.score}` : nps.score}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('renewals.ratings.npsHelp')}
      </Text>
      <Progress.Root size={18} aria-hidden>
        {parts.map((p) => (
          <Progress.Section key={p.key} value={share(p.n)} color={p.color} />
        ))}
      </Progress.Root>
      <Group gap="lg" mt="sm">
        {parts.map((p) => (
          <Text key={p.key} size="sm">
            {t(`renewals.ratings.${p.key}`)}: <b>{p.n}</b>
          </Text>
        ))}
      </Group>
    </Card>
  );
}

function TrendCard({ summary }: { summary: VendorRatingSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card>
      <Title order={3} size="h5" mb="sm">
        {t('renewals.ratings.trend')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('renewals.ratings.trend')} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('renewals.ratings.quarter')}</Table.Th>
              <Table.Th ta="right">{t('renewals.ratings.partners')}</Table.Th>
              {RATING_DIMENSIONS.map((d) => (
                <Table.Th key={d} ta="right">
                  {t(`renewals.dimension.${d}`)}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('renewals.ratings.npsShort')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.trend.map((q) => (
              <Table.Tr key={q.quarter}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{quarterName(t, q.quarter)}</Table.Td>
                <Table.Td ta="right">{q.respondents}</Table.Td>
                {q.averages && q.nps ? (
                  <>
                    {RATING_DIMENSIONS.map((d) => (
                      <Table.Td key={d} ta="right">
                        <Stack gap={2} align="flex-end">
                          <Text size="sm">{oneDecimal(Number(q.averages![d]), locale)}</Text>
                          <Progress value={(Number(q.averages![d]) / 5) * 100} w={60} size="xs" aria-hidden />
                        </Stack>
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" fw={600}>
                      {q.nps.score > 0 ? `+${q.nps.score}` : q.nps.score}
                    </Table.Td>
                  </>
                ) : (
                  <Table.Td colSpan={RATING_DIMENSIONS.length + 1} c="dimmed">
                    {t('renewals.ratings.quarterHidden', { minimum: summary.minimumRespondents })}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** "2026-Q3" → "Q3 2026" / "2026 年第 3 季度" (the rebates screens' words). */
function quarterName(t: (key: string, params?: Record<string, unknown>) => string, code: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(code);
  return m ? t('rebates.periods.quarter', { year: m[1], n: m[2] }) : code;
}

function CommentsCard({ comments }: { comments: VendorRatingSummary['comments'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card>
      <Title order={3} size="h5" mb="sm">
        {t('renewals.ratings.comments')}
      </Title>
      {comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('renewals.ratings.noComments')}
        </Text>
      ) : (
        <Stack gap="sm">
          {comments.map((c, i) => (
            <Stack key={i} gap={2} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.text}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDate(c.submittedOn, locale)}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}

import { Alert, Anchor, Badge, Button, Card, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus } from '@tabler/icons-react';
import { ApiError, formatDate, formatDateTime, meQueryOptions, PageHeader } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { partnersQueryOptions } from '../../../api/partners';
import { type ReviewFilters, reviewsPageQueryOptions, useScheduleReview } from '../../../api/training';
import { canManageTraining } from '../../../nav';
import { ResultBadge } from '../training/-components/TrainingBadges';
import { serverPaging } from '../-components/serverPaging';

const VIEWS = ['all', 'overdue', 'scheduled', 'completed'] as const;
type View = (typeof VIEWS)[number];
const SearchSchema = z.object({ view: z.enum(VIEWS).optional(), partnerId: z.uuid().optional(), page: z.number().int().min(1).optional() });
const partnersFilter = { page: 1, pageSize: 200, sort: 'name', order: 'asc' } as const;

function filtersOf(view: View | undefined, partnerId?: string): ReviewFilters {
  const base = { partnerId };
  if (view === 'overdue') return { ...base, status: 'scheduled', overdue: 'true' };
  if (view === 'scheduled' || view === 'completed') return { ...base, status: view };
  return base;
}

export const Route = createFileRoute('/_authed/qualification-reviews/')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => ({ view: search.view, partnerId: search.partnerId, page: search.page ?? 1 }),
  loader: ({ context, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(reviewsPageQueryOptions(filtersOf(deps.view, deps.partnerId), deps.page)),
      context.queryClient.ensureQueryData(partnersQueryOptions(partnersFilter)),
    ]),
  component: ReviewsPage,
});

function ReviewsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const go = useNavigate();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: partners } = useSuspenseQuery(partnersQueryOptions(partnersFilter));
  const page = search.page ?? 1;
  const { data: reviews, isFetching } = useQuery(reviewsPageQueryOptions(filtersOf(search.view, search.partnerId), page));
  // The alert needs the count only: the first page answers it with the server's total.
  const overdueCount = useQuery(reviewsPageQueryOptions(filtersOf('overdue'), 1)).data?.total ?? 0;
  const [scheduling, setScheduling] = useState(false);
  const canEdit = canManageTraining(user?.role);

  return (
    <Stack maw={1300}>
      <PageHeader
        title={t('reviews.title')}
        subtitle={t('reviews.subtitle')}
        actions={
          canEdit ? (
            <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setScheduling(true)}>
              {t('reviews.schedule')}
            </Button>
          ) : undefined
        }
      />
      {overdueCount > 0 && search.view !== 'overdue' && (
        <Alert color="red" variant="light">
          <Group justify="space-between">
            <Text size="sm">{t('reviews.overdueAlert', { count: overdueCount })}</Text>
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={() => void navigate({ search: (s) => ({ ...s, view: 'overdue', page: undefined }) })}
            >
              {t('reviews.showOverdue')}
            </Button>
          </Group>
        </Alert>
      )}
      <Card p="sm">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('reviews.show')}
            </Text>
            <SegmentedControl
              value={search.view ?? 'all'}
              onChange={(v) => void navigate({ search: (s) => ({ ...s, view: v === 'all' ? undefined : (v as View), page: undefined }) })}
              data={VIEWS.map((v) => ({ value: v, label: t(`reviews.views.${v}`) }))}
            />
          </Stack>
          <Select
            label={t('reviews.partner')}
            placeholder={t('reviews.anyPartner')}
            clearable
            searchable
            w={260}
            data={partners.items.map((p) => ({ value: p.id, label: p.name }))}
            value={search.partnerId ?? null}
            onChange={(v) => void navigate({ search: (s) => ({ ...s, partnerId: v ?? undefined, page: undefined }) })}
          />
        </Group>
      </Card>
      <DataTable
        {...serverPaging(
          reviews,
          page,
          (p) => void navigate({ search: (s) => ({ ...s, page: p }) }),
          (count) => t('reviews.total', { count }),
        )}
        fetching={isFetching}
        noRecordsText={t('reviews.empty')}
        onRowClick={({ record }) => void go({ to: '/qualification-reviews/$reviewId', params: { reviewId: record.id } })}
        columns={[
          {
            accessor: 'partnerName',
            title: t('reviews.partner'),
            render: (r) => (
              <Anchor
                size="sm"
                fw={600}
                renderRoot={(props) => <Link {...props} to="/qualification-reviews/$reviewId" params={{ reviewId: r.id }} />}
              >
                {r.partnerName}
              </Anchor>
            ),
          },
          {
            accessor: 'dueOn',
            title: t('reviews.due'),
            noWrap: true,
            render: (r) => (
              <Group gap={6} wrap="nowrap">
                {formatDate(r.dueOn, locale)}
                {r.overdue && r.status === 'scheduled' && (
                  <Badge color="red" size="sm">
                    {t('reviews.overdue')}
                  </Badge>
                )}
              </Group>
            ),
          },
          {
            accessor: 'status',
            title: t('reviews.status'),
            noWrap: true,
            render: (r) => (
              <Badge variant="light" color={r.status === 'completed' ? 'gray' : 'blue'}>
                {t(`reviewStatus.${r.status}`)}
              </Badge>
            ),
          },
          {
            accessor: 'result',
            title: t('reviews.result'),
            noWrap: true,
            render: (r) =>
              r.result ? (
                <ResultBadge result={r.result} variant="light" />
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              ),
          },
          { accessor: 'reviewerName', title: t('reviews.reviewer'), render: (r) => r.reviewerName ?? '—' },
          {
            accessor: 'completedAt',
            title: t('reviews.completedAt'),
            noWrap: true,
            render: (r) => (r.completedAt ? formatDateTime(r.completedAt, locale, user?.timeZone) : '—'),
          },
        ]}
      />
      {scheduling && <ScheduleModal onClose={() => setScheduling(false)} />}
    </Stack>
  );
}

function ScheduleModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const go = useNavigate();
  const { data: partners } = useSuspenseQuery(partnersQueryOptions(partnersFilter));
  const schedule = useScheduleReview();
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  const eligible = partners.items.filter((p) => ['active', 'trial', 'suspended'].includes(p.status));
  return (
    <Modal opened onClose={onClose} title={t('reviews.schedule')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('reviews.scheduleHint')}
        </Text>
        <Select
          label={t('reviews.partner')}
          required
          searchable
          data={eligible.map((p) => ({ value: p.id, label: p.name }))}
          value={partnerId}
          onChange={setPartnerId}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput type="date" label={t('reviews.due')} required value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} />
        {schedule.error && (
          <Alert color="red">{schedule.error instanceof ApiError ? schedule.error.message : String(schedule.error)}</Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button
            disabled={!partnerId || !/^\d{4}-\d{2}-\d{2}$/.test(dueOn)}
            loading={schedule.isPending}
            onClick={() =>
              partnerId &&
              schedule.mutate(
                { partnerId, dueOn },
                {
                  onSuccess: (r) => {
                    notifications.show({ color: 'green', message: t('reviews.scheduled') });
                    onClose();
                    void go({ to: '/qualification-reviews/$reviewId', params: { reviewId: r.id } });
                  },
                },
              )
            }
          >
            {t('reviews.scheduleSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Button, Card, Group, Modal, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { ChannelStrategySchema, channelStrategyFor, type Segment, UpdateSegmentSchema } from '@partnerline/domain';
import { ApiError, formatDateTime, meQueryOptions } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { industriesQueryOptions, policiesQueryOptions, regionOptions, regionsQueryOptions, segmentsQueryOptions, useUpdateSegment } from '../../api/catalog';
import { PageHeader } from '@partnerline/ui';
import { QuadrantLegend } from './-components/QuadrantLegend';
import { StrategyBadge } from './-components/StrategyBadge';

const SearchSchema = z.object({
  industryId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  strategy: ChannelStrategySchema.optional(),
  page: z.number().int().min(1).optional(),
});

export const Route = createFileRoute('/_authed/segments')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(industriesQueryOptions()),
      context.queryClient.ensureQueryData(regionsQueryOptions()),
      context.queryClient.ensureQueryData(policiesQueryOptions()),
      context.queryClient.ensureQueryData(segmentsQueryOptions({ ...deps, page: deps.page ?? 1, pageSize: PAGE_SIZE })),
    ]),
  component: SegmentsPage,
});

const PAGE_SIZE = 25;

function SegmentsPage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/segments' });
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: industries } = useSuspenseQuery(industriesQueryOptions());
  const { data: regions } = useSuspenseQuery(regionsQueryOptions());
  const { data: policies } = useSuspenseQuery(policiesQueryOptions());
  const page = search.page ?? 1;
  const { data, isFetching } = useQuery(segmentsQueryOptions({ industryId: search.industryId, regionId: search.regionId, strategy: search.strategy, page, pageSize: PAGE_SIZE }));
  const [editing, setEditing] = useState<Segment | null>(null);
  const canEdit = user?.role === 'vendor_admin' || user?.role === 'channel_manager';
  const setSearch = (patch: Partial<z.infer<typeof SearchSchema>>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page ?? undefined }) });

  return (
    <Stack maw={1280}>
      <PageHeader title={t('segments.title')} subtitle={t('segments.subtitle')} />
      <QuadrantLegend highlight={search.strategy} columns={4} />
      <Stack>
          <Card p="sm">
            <Group gap="sm" wrap="wrap">
              <Select
                label={t('segments.industry')}
                placeholder={t('segments.anyIndustry')}
                clearable
                searchable
                w={220}
                data={industries.map((i) => ({ value: i.id, label: zh ? i.nameZh : i.nameEn }))}
                value={search.industryId ?? null}
                onChange={(v) => setSearch({ industryId: v ?? undefined })}
              />
              <Select
                label={t('segments.region')}
                placeholder={t('segments.anyRegion')}
                clearable
                searchable
                w={240}
                data={regionOptions(regions, i18n.language)}
                value={search.regionId ?? null}
                onChange={(v) => setSearch({ regionId: v ?? undefined })}
              />
              <Select
                label={t('segments.strategy')}
                placeholder={t('segments.anyStrategy')}
                clearable
                w={200}
                data={ChannelStrategySchema.options.map((s) => ({ value: s, label: t(`strategy.${s}`) }))}
                value={search.strategy ?? null}
                onChange={(v) => setSearch({ strategy: (v as z.infer<typeof ChannelStrategySchema>) ?? undefined })}
              />
            </Group>
          </Card>
          <DataTable
            withTableBorder
            borderRadius="md"
            highlightOnHover
            striped
            minHeight={200}
            fetching={isFetching}
            records={data?.items ?? []}
            totalRecords={data?.total ?? 0}
            recordsPerPage={PAGE_SIZE}
            page={page}
            onPageChange={(p) => setSearch({ page: p })}
            paginationText={({ from, to, totalRecords }) => `${from}–${to} / ${t('segments.count', { count: totalRecords })}`}
            columns={[
              { accessor: 'industry', title: t('segments.industry'), noWrap: true, render: (s) => (zh ? s.industryNameZh : s.industryNameEn) },
              { accessor: 'region', title: t('segments.region'), noWrap: true, render: (s) => (zh ? s.regionNameZh : s.regionNameEn) },
              { accessor: 'regionLevel', title: t('segments.level'), noWrap: true, render: (s) => t(`level.${s.regionLevel}`) },
              { accessor: 'marketPotential', title: t('segments.potential'), noWrap: true, textAlign: 'right' },
              { accessor: 'expansionDifficulty', title: t('segments.difficulty'), noWrap: true, textAlign: 'right' },
              { accessor: 'strategy', title: t('segments.strategy'), noWrap: true, render: (s) => <StrategyBadge strategy={s.strategy} /> },
              { accessor: 'notes', title: t('segments.notes'), ellipsis: true, width: 220 },
              { accessor: 'updatedAt', title: t('segments.updated'), noWrap: true, render: (s) => formatDateTime(s.updatedAt, zh ? 'zh-CN' : 'en', user?.timeZone) },
              ...(canEdit
                ? [
                    {
                      accessor: 'actions',
                      title: '',
                      textAlign: 'right' as const,
                      render: (s: Segment) => (
                        <Button size="compact-sm" variant="light" leftSection={<IconPencil size={14} />} onClick={() => setEditing(s)}>
                          {t('segments.edit')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {!canEdit && (
            <Text size="sm" c="dimmed">
              {t('segments.readOnly')}
            </Text>
          )}
        <Text size="xs" c="dimmed">
          {t('segments.thresholds', { p: policies.policies.segments.highPotentialAt, d: policies.policies.segments.hardDifficultyAt })}
        </Text>
      </Stack>
      {editing && <EditSegmentModal segment={editing} thresholds={policies.policies.segments} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function EditSegmentModal({ segment, thresholds, onClose }: { segment: Segment; thresholds: { highPotentialAt: number; hardDifficultyAt: number }; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const update = useUpdateSegment();
  const [potential, setPotential] = useState<number | string>(segment.marketPotential);
  const [difficulty, setDifficulty] = useState<number | string>(segment.expansionDifficulty);
  const [notes, setNotes] = useState(segment.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const p = Number(potential);
  const d = Number(difficulty);
  const valid = Number.isFinite(p) && Number.isFinite(d) && potential !== '' && difficulty !== '';
  // The same domain rule the server applies, for an instant preview.
  const preview = valid ? channelStrategyFor(p, d, thresholds) : null;

  const save = () => {
    const change = { marketPotential: p, expansionDifficulty: d, notes: notes.trim() || null };
    const parsed = UpdateSegmentSchema.safeParse(change);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), t('segments.potential') + ': 0–100'])));
      return;
    }
    update.mutate(
      { id: segment.id, change: parsed.data },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('segments.saved') });
          onClose();
        },
        onError: (err) => {
          if (err instanceof ApiError) setErrors(err.issues.length ? err.fieldErrors() : { form: err.message });
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('segments.editTitle', { industry: zh ? segment.industryNameZh : segment.industryNameEn, region: zh ? segment.regionNameZh : segment.regionNameEn })} size="lg">
      <Stack>
        <Group grow>
          <NumberInput label={t('segments.potential')} min={0} max={100} clampBehavior="none" allowDecimal={false} value={potential} onChange={setPotential} error={errors.marketPotential} />
          <NumberInput label={t('segments.difficulty')} min={0} max={100} clampBehavior="none" allowDecimal={false} value={difficulty} onChange={setDifficulty} error={errors.expansionDifficulty} />
        </Group>
        <Textarea label={t('segments.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
        <Group gap="xs" data-testid="quadrant-preview">
          <Text size="sm" c="dimmed">
            {t('segments.preview')}:
          </Text>
          {preview && <StrategyBadge strategy={preview} size="lg" />}
        </Group>
        <QuadrantLegend highlight={preview ?? undefined} />
        {errors.form && (
          <Text c="red" size="sm">
            {errors.form}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button onClick={save} loading={update.isPending} disabled={!valid}>
            {t('common.save', { ns: 'ui' })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

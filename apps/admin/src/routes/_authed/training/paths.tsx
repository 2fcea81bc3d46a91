import { ActionIcon, Badge, Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { type CertificationPathInput, CertificationPathInputSchema, JobRoleSchema } from '@partnerline/domain';
import { apiFieldErrors, ErrorSummary, fieldPathProps, formatNumber, meQueryOptions, useStatusLabel, zodForm } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { productLinesQueryOptions } from '../../../api/agreements';
import { policiesQueryOptions } from '../../../api/catalog';
import { type CertificationPath, coursesQueryOptions, pathsQueryOptions, useSavePath } from '../../../api/training';
import { fieldSpecs } from '../../../form-fields';
import { canManageTraining } from '../../../nav';
import { TrainingHeader } from './-components/TrainingHeader';

export const Route = createFileRoute('/_authed/training/paths')({
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(pathsQueryOptions()),
      context.queryClient.ensureQueryData(coursesQueryOptions()),
      context.queryClient.ensureQueryData(productLinesQueryOptions()),
      context.queryClient.ensureQueryData(policiesQueryOptions()),
    ]),
  component: PathsPage,
});

function PathsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: paths, isFetching } = useQuery(pathsQueryOptions());
  const { data: policies } = useSuspenseQuery(policiesQueryOptions());
  const [editing, setEditing] = useState<CertificationPath | 'new' | null>(null);
  const canEdit = canManageTraining(user?.role);
  const defaultMonths = policies.policies.training.certificationValidityMonths;

  return (
    <Stack maw={1400}>
      <TrainingHeader
        active="paths"
        actions={
          canEdit ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('paths.new')}
            </Button>
          ) : undefined
        }
      />
      <DataTable
        withTableBorder
        borderRadius="md"
        highlightOnHover
        minHeight={200}
        fetching={isFetching}
        noRecordsText={t('paths.empty')}
        records={paths ?? []}
        onRowClick={canEdit ? ({ record }) => setEditing(record) : undefined}
        columns={[
          { accessor: 'name', title: t('paths.name'), render: (p) => <Text size="sm" fw={600}>{p.name}</Text> },
          { accessor: 'jobRole', title: t('paths.jobRole'), noWrap: true, render: (p) => t(`jobRoles.${p.jobRole}`, { ns: 'ui' }) },
          { accessor: 'productLineCode', title: t('paths.productLine'), noWrap: true, render: (p) => <Badge variant="default">{p.productLineCode}</Badge> },
          {
            accessor: 'courses',
            title: t('paths.courses'),
            render: (p) => (
              <Group gap={4}>
                {p.courses.map((c) => (
                  <Tooltip key={c.id} label={c.title}>
                    <Badge variant="light" radius="sm" ff="monospace" style={{ cursor: 'pointer', textTransform: 'none' }} onClick={(e) => e.stopPropagation()} renderRoot={(props) => <Link {...props} to="/training/courses/$courseId" params={{ courseId: c.id }} />}>
                      {c.code}
                    </Badge>
                  </Tooltip>
                ))}
              </Group>
            ),
          },
          {
            accessor: 'validityMonths',
            title: t('paths.validity'),
            noWrap: true,
            render: (p) =>
              p.validityMonths === null ? (
                <Text size="sm" c="dimmed">
                  {t('paths.policyDefault', { count: defaultMonths })}
                </Text>
              ) : (
                t('paths.months', { count: p.validityMonths })
              ),
          },
          { accessor: 'holders', title: t('paths.holders'), textAlign: 'right', render: (p) => formatNumber(p.holders, locale) },
          { accessor: 'active', title: t('paths.active'), noWrap: true, render: (p) => (p.active ? <Badge color="green" variant="light">{t('paths.isActive')}</Badge> : <Badge color="gray" variant="light">{t('paths.inactive')}</Badge>) },
          {
            accessor: 'actions',
            title: '',
            textAlign: 'right',
            hidden: !canEdit,
            render: (p) => (
              <ActionIcon
                variant="subtle"
                aria-label={t('paths.editOne', { name: p.name })}
                onClick={(e) => {
                  e.stopPropagation();
                  setEditing(p);
                }}
              >
                <IconPencil size={16} />
              </ActionIcon>
            ),
          },
        ]}
      />
      {editing && <PathModal path={editing === 'new' ? null : editing} defaultMonths={defaultMonths} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

const pathForm = zodForm(CertificationPathInputSchema, undefined, {}, () => fieldSpecs('path'));

function PathModal({ path, defaultMonths, onClose }: { path: CertificationPath | null; defaultMonths: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const zh = i18n.language === 'zh-CN';
  const { data: courses } = useSuspenseQuery(coursesQueryOptions());
  const { data: lines } = useSuspenseQuery(productLinesQueryOptions());
  const save = useSavePath();
  const form = useForm<CertificationPathInput>({
    initialValues: path
      ? { name: path.name, jobRole: path.jobRole, productLineId: path.productLineId, courseIds: path.courses.map((c) => c.id), validityMonths: path.validityMonths, active: path.active }
      : { name: '', jobRole: 'presales', productLineId: lines[0]?.id ?? '', courseIds: [], validityMonths: null, active: true },
    validate: pathForm.validate,
    enhanceGetInputProps: fieldPathProps,
  });
  const { values: f, errors } = form;
  const set = <K extends keyof CertificationPathInput>(k: K, v: CertificationPathInput[K]) => form.setFieldValue(k, v as never);
  // Courses of the path's product line first; archived ones only when already chosen.
  const courseData = courses
    .filter((c) => c.status !== 'archived' || f.courseIds.includes(c.id))
    .sort((a, b) => Number(b.productLineId === f.productLineId) - Number(a.productLineId === f.productLineId) || a.code.localeCompare(b.code))
    .map((c) => ({ value: c.id, label: `${c.code} · ${c.title}${c.status === 'draft' ? ` (${statusLabel('course', 'draft')})` : ''}` }));

  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: path?.id, input: pathForm.parse(values) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('paths.saved') });
          onClose();
        },
        onError: (e) => form.setErrors(apiFieldErrors(e, t('courseEditor.failed'), fieldSpecs('path'))),
      },
    ),
  );

  return (
    <Modal opened onClose={onClose} title={path ? t('paths.editTitle', { name: path.name }) : t('paths.new')} size="lg">
      <Stack>
        <TextInput label={t('paths.name')} withAsterisk {...form.getInputProps('name')} data-autofocus />
        <SimpleGrid cols={2}>
          <Select label={t('paths.jobRole')} withAsterisk data-path="jobRole" allowDeselect={false} data={JobRoleSchema.options.map((v) => ({ value: v, label: t(`jobRoles.${v}`, { ns: 'ui' }) }))} value={f.jobRole} onChange={(v) => v && set('jobRole', v as CertificationPathInput['jobRole'])} error={errors.jobRole} />
          <Select label={t('paths.productLine')} withAsterisk data-path="productLineId" allowDeselect={false} data={lines.map((l) => ({ value: l.id, label: `${l.code} · ${zh ? l.nameZh : l.nameEn}` }))} value={f.productLineId || null} onChange={(v) => set('productLineId', v ?? '')} error={errors.productLineId} />
        </SimpleGrid>
        <MultiSelect
          label={t('paths.courses')}
          description={t('paths.coursesHint')}
          withAsterisk
          searchable
          data={courseData}
          {...form.getInputProps('courseIds')}
          nothingFoundMessage={t('courses.empty')}
          comboboxProps={{ withinPortal: true }}
        />
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('paths.validity')}
            description={t('paths.validityHint', { count: defaultMonths })}
            placeholder={t('paths.policyDefault', { count: defaultMonths })}
            min={1}
            max={120}
            allowDecimal={false}
            value={f.validityMonths ?? ''}
            onChange={(v) => set('validityMonths', v === '' ? null : Number(v))}
            error={errors.validityMonths}
            data-path="validityMonths"
          />
          <Switch mt={30} label={t('paths.activeHint')} {...form.getInputProps('active', { type: 'checkbox' })} />
        </SimpleGrid>
        <ErrorSummary errors={errors} fields={fieldSpecs('path')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button loading={save.isPending} onClick={() => submit()}>
            {t('common.save', { ns: 'ui' })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

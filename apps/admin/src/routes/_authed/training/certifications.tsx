import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCertificateOff, IconPrinter } from '@tabler/icons-react';
import { type Certification, CertificationStatusSchema } from '@partnerline/domain';
import { ApiError, formatDate, meQueryOptions } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { partnersQueryOptions } from '../../../api/partners';
import { certificateDocumentUrl, certificationsPageQueryOptions, useRevokeCertification } from '../../../api/training';
import { canManageTraining } from '../../../nav';
import { CertificationStatusBadge } from './-components/TrainingBadges';
import { TrainingHeader } from './-components/TrainingHeader';
import { serverPaging } from '../-components/serverPaging';

const SearchSchema = z.object({
  partnerId: z.uuid().optional(),
  status: CertificationStatusSchema.optional(),
  expiringWithinDays: z.number().int().min(1).max(730).optional(),
  page: z.number().int().min(1).optional(),
});
type Search = z.infer<typeof SearchSchema>;
const partnersFilter = { page: 1, pageSize: 200, sort: 'name', order: 'asc' } as const;

export const Route = createFileRoute('/_authed/training/certifications')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps: { page = 1, ...f } }) =>
    Promise.all([
      context.queryClient.ensureQueryData(certificationsPageQueryOptions(f, page)),
      context.queryClient.ensureQueryData(partnersQueryOptions(partnersFilter)),
    ]),
  component: CertificationsPage,
});

function CertificationsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { page = 1, ...filters } = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: partners } = useSuspenseQuery(partnersQueryOptions(partnersFilter));
  const { data: certs, isFetching } = useQuery(certificationsPageQueryOptions(filters, page));
  const [revoking, setRevoking] = useState<Certification | null>(null);
  const canRevoke = canManageTraining(user?.role);
  const setSearch = (patch: Partial<Search>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page }) });

  return (
    <Stack maw={1400}>
      <TrainingHeader active="certifications" />
      <Card p="sm">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select
            label={t('certifications.partner')}
            placeholder={t('certifications.anyPartner')}
            clearable
            searchable
            w={260}
            data={partners.items.map((p) => ({ value: p.id, label: p.name }))}
            value={filters.partnerId ?? null}
            onChange={(v) => setSearch({ partnerId: v ?? undefined })}
          />
          <Select
            label={t('certifications.status')}
            placeholder={t('certifications.anyStatus')}
            clearable
            w={170}
            data={CertificationStatusSchema.options.map((v) => ({ value: v, label: t(`certificationStatus.${v}`) }))}
            value={filters.status ?? null}
            onChange={(v) => setSearch({ status: (v as Search['status']) ?? undefined })}
          />
          <NumberInput
            label={t('certifications.expiringWithin')}
            placeholder={t('certifications.anyDays')}
            min={1}
            max={730}
            allowDecimal={false}
            w={190}
            value={filters.expiringWithinDays ?? ''}
            onChange={(v) => setSearch({ expiringWithinDays: v === '' ? undefined : Math.min(730, Math.max(1, Number(v))) })}
          />
          <Group gap={4} pb={4}>
            {[30, 60, 90].map((d) => (
              <Badge
                key={d}
                variant={filters.expiringWithinDays === d ? 'filled' : 'light'}
                color="orange"
                style={{ cursor: 'pointer' }}
                onClick={() => setSearch({ expiringWithinDays: filters.expiringWithinDays === d ? undefined : d })}
              >
                {t('certifications.withinDays', { count: d })}
              </Badge>
            ))}
          </Group>
        </Group>
      </Card>
      <DataTable
        {...serverPaging(
          certs,
          page,
          (p) => setSearch({ page: p }),
          (count) => t('certifications.total', { count }),
        )}
        fetching={isFetching}
        noRecordsText={t('certifications.empty')}
        columns={[
          {
            accessor: 'holderName',
            title: t('certifications.holder'),
            render: (c) => (
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {c.holderName}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.holderEmail}
                </Text>
              </Stack>
            ),
          },
          {
            accessor: 'partnerName',
            title: t('certifications.partner'),
            render: (c) => (
              <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/partners/$partnerId" params={{ partnerId: c.partnerId }} />}>
                {c.partnerName}
              </Anchor>
            ),
          },
          {
            accessor: 'name',
            title: t('certifications.certification'),
            render: (c) => (
              <Stack gap={0}>
                <Text size="sm">{c.name}</Text>
                <Text size="xs" c="dimmed">
                  {t(`jobRoles.${c.jobRole}`, { ns: 'ui' })}
                </Text>
              </Stack>
            ),
          },
          {
            accessor: 'productLineCode',
            title: t('certifications.productLine'),
            noWrap: true,
            render: (c) => <Badge variant="default">{c.productLineCode}</Badge>,
          },
          { accessor: 'earnedOn', title: t('certifications.earned'), noWrap: true, render: (c) => formatDate(c.earnedOn, locale) },
          { accessor: 'expiresOn', title: t('certifications.expires'), noWrap: true, render: (c) => formatDate(c.expiresOn, locale) },
          {
            accessor: 'status',
            title: t('certifications.status'),
            noWrap: true,
            render: (c) =>
              c.status === 'revoked' && c.revokedReason ? (
                <Tooltip label={c.revokedReason} multiline maw={320}>
                  <span>
                    <CertificationStatusBadge status={c.status} />
                  </span>
                </Tooltip>
              ) : (
                <CertificationStatusBadge status={c.status} />
              ),
          },
          {
            accessor: 'code',
            title: t('certifications.code'),
            noWrap: true,
            render: (c) => (
              <Text size="xs" ff="monospace">
                {c.code}
              </Text>
            ),
          },
          {
            accessor: 'actions',
            title: '',
            textAlign: 'right',
            noWrap: true,
            render: (c) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Tooltip label={t('certifications.print')}>
                  <ActionIcon
                    variant="subtle"
                    component="a"
                    href={certificateDocumentUrl(c.id, i18n.language)}
                    target="_blank"
                    rel="noopener"
                    aria-label={t('certifications.printOne', { name: c.holderName })}
                  >
                    <IconPrinter size={16} />
                  </ActionIcon>
                </Tooltip>
                {canRevoke && (c.status === 'active' || c.status === 'expiring') && (
                  <Tooltip label={t('certifications.revoke')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('certifications.revokeOne', { name: c.holderName })}
                      onClick={() => setRevoking(c)}
                    >
                      <IconCertificateOff size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            ),
          },
        ]}
      />
      {revoking && <RevokeModal cert={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}

function RevokeModal({ cert, onClose }: { cert: Certification; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeCertification();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('certifications.revokeTitle')}>
      <Stack>
        <Alert color="red" variant="light">
          {t('certifications.revokeWarning', { name: cert.holderName, certification: cert.name, code: cert.code })}
        </Alert>
        <Textarea
          label={t('certifications.reason')}
          description={t('certifications.reasonHint')}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
        {revoke.error && <Alert color="red">{revoke.error instanceof ApiError ? revoke.error.message : String(revoke.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button
            color="red"
            disabled={!reason.trim()}
            loading={revoke.isPending}
            onClick={() =>
              revoke.mutate(
                { id: cert.id, reason: reason.trim() },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('certifications.revoked', { name: cert.holderName }) });
                    onClose();
                  },
                },
              )
            }
          >
            {t('certifications.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

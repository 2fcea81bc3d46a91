import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { businessDateOf, type Incident, IncidentCategorySchema, IncidentInputSchema, IncidentSeveritySchema } from '@partnerline/domain';
import { errorMessage, fieldPathProps, formatDate, partnerIncidentsQueryOptions, useLocale, zodForm } from '@partnerline/ui';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordIncident } from '../../../../api/renewals';
import { fieldSpecs } from '../../../../form-fields';
import { onRefused, Refusal } from '../../../../refusal';

const SEVERITY_COLOR = { minor: 'yellow', major: 'orange', critical: 'red' } as const;
type Values = { occurredOn: string; severity: string | null; category: string | null; summary: string };
const incidentForm = zodForm(IncidentInputSchema, (v: Values) => v, {}, () => fieldSpecs('incident'));

/**
 * Service, complaint, reputation and compliance incidents recorded against a partner (they count in its renewal
 * review's service fact). Managers record them; leadership reads.
 */
export function Incidents({ partnerId, canManage, timeZone }: { partnerId: string; canManage: boolean; timeZone?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data, error } = useQuery(partnerIncidentsQueryOptions(partnerId));
  const [adding, setAdding] = useState(false);
  return (
    <Card id="incidents">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fw={600}>{t('renewals.incidents.title')}</Text>
            <Text size="xs" c="dimmed">
              {t('renewals.incidents.help')}
            </Text>
          </Stack>
          {canManage && !adding && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              {t('renewals.incidents.record')}
            </Button>
          )}
        </Group>
        {canManage && adding && <IncidentForm partnerId={partnerId} timeZone={timeZone} onDone={() => setAdding(false)} />}
        {error && <Text c="red" size="sm">{errorMessage(error)}</Text>}
        {data && data.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('renewals.incidents.none')}
          </Text>
        )}
        {data && data.items.length > 0 && (
          <Stack gap="xs" role="list" aria-label={t('renewals.incidents.list')}>
            {data.items.map((i: Incident) => (
              <Stack key={i.id} gap={2} role="listitem">
                <Group gap="xs">
                  <Badge size="sm" color={SEVERITY_COLOR[i.severity]}>
                    {t(`renewals.incidents.severityValue.${i.severity}`)}
                  </Badge>
                  <Badge size="sm" variant="outline" color="gray">
                    {t(`renewals.incidents.categoryValue.${i.category}`)}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {formatDate(i.occurredOn, locale)}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {i.summary}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('renewals.incidents.recordedBy', { name: i.recordedBy.name, date: formatDate(i.recordedAt, locale, timeZone) })}
                </Text>
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function IncidentForm({ partnerId, timeZone, onDone }: { partnerId: string; timeZone?: string; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordIncident(partnerId);
  const [refusal, setRefusal] = useState<string | null>(null);
  const initialValues: Values = { occurredOn: businessDateOf(new Date(), timeZone), severity: null, category: null, summary: '' };
  const form = useForm<Values>({ initialValues, validate: incidentForm.validate, enhanceGetInputProps: fieldPathProps });
  const close = () => {
    form.setValues(initialValues);
    form.clearErrors();
    setRefusal(null);
    onDone();
  };
  const submit = form.onSubmit((values) =>
    record.mutate(incidentForm.parse(values), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('renewals.incidents.saved') });
        close();
      },
      onError: onRefused(form, setRefusal, fieldSpecs('incident')),
    }),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('renewals.incidents.record')}>
      <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TextInput type="date" label={t('renewals.incidents.occurredOn')} required {...form.getInputProps('occurredOn')} />
          <Select
            allowDeselect={false}
            label={t('renewals.incidents.severity')}
            required
            data={IncidentSeveritySchema.options.map((v) => ({ value: v, label: t(`renewals.incidents.severityValue.${v}`) }))}
            {...form.getInputProps('severity')}
          />
          <Select
            allowDeselect={false}
            label={t('renewals.incidents.category')}
            required
            data={IncidentCategorySchema.options.map((v) => ({ value: v, label: t(`renewals.incidents.categoryValue.${v}`) }))}
            {...form.getInputProps('category')}
          />
        </SimpleGrid>
        <Textarea label={t('renewals.incidents.summary')} required autosize minRows={2} maxLength={4000} {...form.getInputProps('summary')} />
        <Refusal title={t('renewals.refused')} message={refusal} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={close}>
            {t('renewals.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={record.isPending}>
            {t('renewals.incidents.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

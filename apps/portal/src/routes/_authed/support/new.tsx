import { Anchor, Button, Card, Group, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, ThemeIcon } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconSpeakerphone, IconTool } from '@tabler/icons-react';
import { type SupportKind, SupportKindSchema, SupportRequestInputSchema } from '@partnerline/domain';
import { apiFieldErrors, ErrorSummary, fieldPathProps, PageHeader, useStatusLabel, zodForm } from '@partnerline/ui';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCreateSupportRequest } from '../../../api/training';
import { fieldSpecs } from '../../../form-fields';

/** The form's fields, worded in the UI language when asked. */
const supportFields = () => fieldSpecs('support');

export const Route = createFileRoute('/_authed/support/new')({ component: NewSupportRequest });

const KIND_ICON: Record<SupportKind, typeof IconTool> = { marketing_support: IconSpeakerphone, technical_question: IconTool, sales_coaching: IconBulb };

interface Values {
  kind: SupportKind;
  subject: string;
  body: string;
  requestedFunds: string;
  activityDate: string;
}

/** Funds and the activity date belong to marketing requests only; amounts may be typed with thousands separators. */
const schema = zodForm(SupportRequestInputSchema, (v: Values) => {
  const marketing = v.kind === 'marketing_support';
  return {
    ...v,
    requestedFunds: marketing && v.requestedFunds.trim() ? v.requestedFunds.trim().replace(/,/g, '') : null,
    activityDate: marketing && v.activityDate ? v.activityDate : null,
  };
}, {}, supportFields);

function NewSupportRequest() {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  const navigate = useNavigate();
  const create = useCreateSupportRequest();
  const form = useForm<Values>({ initialValues: { kind: 'technical_question', subject: '', body: '', requestedFunds: '', activityDate: '' }, validate: schema.validate, enhanceGetInputProps: fieldPathProps });
  const marketing = form.values.kind === 'marketing_support';

  const submit = form.onSubmit((values) =>
    create.mutate(schema.parse(values), {
      onSuccess: (r) => {
        notifications.show({ color: 'green', message: t('support.submittedDone') });
        void navigate({ to: '/support/$requestId', params: { requestId: r.id } });
      },
      onError: (err) => form.setErrors(apiFieldErrors(err, String(err), supportFields())),
    }),
  );

  return (
    <Stack maw={880} component="form" onSubmit={(e) => submit(e as unknown as React.FormEvent<HTMLFormElement>)}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/support" />}>
        ← {t('support.back')}
      </Anchor>
      <PageHeader title={t('support.formTitle')} subtitle={t('support.formSubtitle')} />
      <Card>
        <Radio.Group label={t('support.kind')} {...form.getInputProps('kind')} withAsterisk>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
            {SupportKindSchema.options.map((k) => {
              const Icon = KIND_ICON[k];
              return (
                <Radio.Card key={k} value={k} p="md" radius="md" aria-label={statusLabel('supportKind', k)}>
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <div>
                      <Group gap={6}>
                        <ThemeIcon variant="light" size="sm">
                          <Icon size={14} />
                        </ThemeIcon>
                        <Text fw={600} size="sm">
                          {statusLabel('supportKind', k)}
                        </Text>
                      </Group>
                      <Text size="xs" c="dimmed" mt={4}>
                        {t(`support.kindHelp.${k}`)}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              );
            })}
          </SimpleGrid>
        </Radio.Group>
      </Card>
      <Card>
        <Stack>
          <TextInput label={t('support.subject')} {...form.getInputProps('subject')} withAsterisk maxLength={200} />
          <Textarea label={t('support.description')} description={t(`support.descriptionHelp.${form.values.kind}`)} autosize minRows={6} {...form.getInputProps('body')} withAsterisk />
          {marketing && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('support.requestedFunds')} placeholder="50000.00" inputMode="decimal" {...form.getInputProps('requestedFunds')} description={t('support.requestedFundsHelp')} />
              <TextInput type="date" label={t('support.activityDate')} {...form.getInputProps('activityDate')} />
            </SimpleGrid>
          )}
        </Stack>
      </Card>
      <ErrorSummary errors={form.errors} fields={supportFields()} />
      <Group justify="flex-end">
        <Button variant="default" renderRoot={(props) => <Link {...props} to="/support" />}>
          {t('common.cancel', { ns: 'ui' })}
        </Button>
        <Button type="submit" size="md" loading={create.isPending}>
          {t('support.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

import { Alert, Anchor, Button, Card, Group, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconSpeakerphone, IconTool } from '@tabler/icons-react';
import { type SupportKind, SupportKindSchema, SupportRequestInputSchema, translateZodIssue } from '@partnerline/domain';
import { ApiError, currentLanguage, PageHeader } from '@partnerline/ui';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateSupportRequest } from '../../../api/training';

export const Route = createFileRoute('/_authed/support/new')({ component: NewSupportRequest });

const KIND_ICON: Record<SupportKind, typeof IconTool> = { marketing_support: IconSpeakerphone, technical_question: IconTool, sales_coaching: IconBulb };

function NewSupportRequest() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSupportRequest();
  const [kind, setKind] = useState<SupportKind>('technical_question');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [funds, setFunds] = useState('');
  const [activityDate, setActivityDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const marketing = kind === 'marketing_support';

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = SupportRequestInputSchema.safeParse({
      kind,
      subject,
      body,
      requestedFunds: marketing && funds.trim() ? funds.trim().replace(/,/g, '') : null,
      activityDate: marketing && activityDate ? activityDate : null,
    });
    if (!parsed.success) return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), translateZodIssue(i as never, currentLanguage()).message])));
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (r) => {
        notifications.show({ color: 'green', message: t('support.submittedDone') });
        void navigate({ to: '/support/$requestId', params: { requestId: r.id } });
      },
      onError: (err) => setErrors(err instanceof ApiError ? (err.issues.length ? err.fieldErrors() : { form: err.message }) : { form: String(err) }),
    });
  };

  return (
    <Stack maw={880} component="form" onSubmit={submit}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/support" />}>
        ← {t('support.back')}
      </Anchor>
      <PageHeader title={t('support.formTitle')} subtitle={t('support.formSubtitle')} />
      <Card>
        <Radio.Group label={t('support.kind')} value={kind} onChange={(v) => setKind(v as SupportKind)} withAsterisk>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
            {SupportKindSchema.options.map((k) => {
              const Icon = KIND_ICON[k];
              return (
                <Radio.Card key={k} value={k} p="md" radius="md" aria-label={t(`supportKind.${k}`)}>
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <div>
                      <Group gap={6}>
                        <ThemeIcon variant="light" size="sm">
                          <Icon size={14} />
                        </ThemeIcon>
                        <Text fw={600} size="sm">
                          {t(`supportKind.${k}`)}
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
          <TextInput label={t('support.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={errors.subject} required maxLength={200} />
          <Textarea label={t('support.description')} description={t(`support.descriptionHelp.${kind}`)} autosize minRows={6} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors.body} required />
          {marketing && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('support.requestedFunds')} placeholder="50000.00" inputMode="decimal" value={funds} onChange={(e) => setFunds(e.currentTarget.value)} error={errors.requestedFunds} description={t('support.requestedFundsHelp')} />
              <TextInput type="date" label={t('support.activityDate')} value={activityDate} onChange={(e) => setActivityDate(e.currentTarget.value)} error={errors.activityDate} />
            </SimpleGrid>
          )}
        </Stack>
      </Card>
      {errors.form && <Alert color="red">{errors.form}</Alert>}
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

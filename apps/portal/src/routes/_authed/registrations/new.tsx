import { ActionIcon, Alert, Anchor, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type RegistrationInput, RegistrationInputSchema } from '@partnerline/domain';
import { apiFieldErrors, PageHeader, regionOptions, zodForm } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { industriesQueryOptions, productsQueryOptions, regionsQueryOptions, useCreateRegistration } from '../../../api/portal';

export const Route = createFileRoute('/_authed/registrations/new')({
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureQueryData(industriesQueryOptions()), context.queryClient.ensureQueryData(regionsQueryOptions()), context.queryClient.ensureQueryData(productsQueryOptions())]),
  component: NewRegistration,
});

type Level = RegistrationInput['contacts'][number]['decisionLevel'];

const initialValues = {
  customer: { name: '', taxId: '', domain: '', industryId: null as string | null, regionId: null as string | null, address: '' },
  contacts: [{ name: '', title: '', decisionLevel: 'decision_maker' as Level }],
  products: [{ productId: null as string | null, quantity: 1 as number | string }],
  estimatedAmount: '',
  expectedCloseDate: '',
  stage: 'qualifying' as RegistrationInput['stage'],
  need: '',
  evidence: { proofOfCommunication: '', customerFeedback: '', customerDetails: '' },
};
type Values = typeof initialValues;

/** Optional texts left empty are omitted; only evidence actually written is sent. */
const schema = zodForm(RegistrationInputSchema, (v: Values) => ({
  ...v,
  customer: { name: v.customer.name, taxId: v.customer.taxId || undefined, domain: v.customer.domain || undefined, industryId: v.customer.industryId ?? '', regionId: v.customer.regionId ?? '', address: v.customer.address || undefined },
  contacts: v.contacts.map((c) => ({ name: c.name, title: c.title || undefined, decisionLevel: c.decisionLevel })),
  products: v.products.map((l) => ({ productId: l.productId ?? '', quantity: Number(l.quantity) })),
  evidence: Object.fromEntries(Object.entries(v.evidence).filter(([, e]) => e.trim())),
}));

function NewRegistration() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const navigate = useNavigate();
  const { data: industries } = useSuspenseQuery(industriesQueryOptions());
  const { data: regions } = useSuspenseQuery(regionsQueryOptions());
  const { data: products } = useSuspenseQuery(productsQueryOptions());
  const create = useCreateRegistration();
  const form = useForm<Values>({ initialValues, validate: schema.validate });
  const errors = form.errors;
  const { contacts, products: lines } = form.values;

  const save = form.onSubmit((values) =>
    create.mutate(schema.parse(values), {
      onSuccess: (r) => {
        notifications.show({ color: 'green', message: t('registrations.done') });
        void navigate({ to: '/registrations/$registrationId', params: { registrationId: r.id } });
      },
      onError: (e) => form.setErrors(apiFieldErrors(e, String(e))),
    }),
  );

  return (
    <Stack maw={1000}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/registrations" />}>
        ← {t('registrations.back')}
      </Anchor>
      <PageHeader title={t('registrations.formTitle')} />
      <Card>
        <Title order={4} mb="sm">
          {t('registrations.customer')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('registrations.customerName')} {...form.getInputProps('customer.name')} required />
          <TextInput label={t('registrations.taxId')} {...form.getInputProps('customer.taxId')} />
          <TextInput label={t('registrations.domain')} {...form.getInputProps('customer.domain')} />
          <TextInput label={t('registrations.address')} {...form.getInputProps('customer.address')} />
          <Select label={t('registrations.industry')} searchable data={industries.map((i) => ({ value: i.id, label: zh ? i.nameZh : i.nameEn }))} {...form.getInputProps('customer.industryId')} required />
          <Select label={t('registrations.region')} searchable data={regionOptions(regions, i18n.language)} {...form.getInputProps('customer.regionId')} required />
        </SimpleGrid>
      </Card>
      <Card>
        <Title order={4} mb="sm">
          {t('registrations.contacts')}
        </Title>
        <Stack gap="xs">
          {contacts.map((_, i) => (
            <Group key={i} wrap="nowrap" align="flex-end">
              <TextInput label={t('registrations.contactName')} aria-label={`${t('registrations.contactName')} ${i + 1}`} {...form.getInputProps(`contacts.${i}.name`)} style={{ flex: 1 }} />
              <TextInput label={t('registrations.contactTitle')} {...form.getInputProps(`contacts.${i}.title`)} style={{ flex: 1 }} />
              <Select label={t('registrations.decisionLevel')} allowDeselect={false} data={(['user_influencer', 'procurement', 'decision_maker'] as const).map((l) => ({ value: l, label: t(`registrations.levels.${l}`) }))} {...form.getInputProps(`contacts.${i}.decisionLevel`)} />
              <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label="remove" disabled={contacts.length === 1} onClick={() => form.removeListItem('contacts', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('contacts', { name: '', title: '', decisionLevel: 'user_influencer' })}>
            {t('registrations.addContact')}
          </Button>
        </Stack>
      </Card>
      <Card>
        <Title order={4} mb="sm">
          {t('registrations.products')}
        </Title>
        <Stack gap="xs">
          {lines.map((_, i) => (
            <Group key={i} wrap="nowrap" align="flex-end">
              <Select label={t('registrations.product')} aria-label={`${t('registrations.product')} ${i + 1}`} searchable data={products.map((p) => ({ value: p.id, label: `${p.sku} · ${zh ? p.nameZh : p.nameEn}` }))} {...form.getInputProps(`products.${i}.productId`)} style={{ flex: 1 }} />
              <NumberInput label={t('registrations.quantity')} min={1} w={120} {...form.getInputProps(`products.${i}.quantity`)} />
              <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label="remove" disabled={lines.length === 1} onClick={() => form.removeListItem('products', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('products', { productId: null, quantity: 1 })}>
            {t('registrations.addProduct')}
          </Button>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
          <TextInput label={t('registrations.estimatedAmount')} placeholder="480000.00" {...form.getInputProps('estimatedAmount')} required />
          <TextInput type="date" label={t('registrations.expectedClose')} {...form.getInputProps('expectedCloseDate')} required />
          <Select label={t('registrations.stage')} allowDeselect={false} data={(['qualifying', 'solution', 'proposal', 'negotiation'] as const).map((s) => ({ value: s, label: t(`registrations.stages.${s}`) }))} {...form.getInputProps('stage')} />
        </SimpleGrid>
        <Textarea mt="sm" label={t('registrations.need')} autosize minRows={3} {...form.getInputProps('need')} required />
      </Card>
      <Card>
        <Title order={4} mb="sm">
          {t('registrations.evidence')}
        </Title>
        <Stack>
          {(['proofOfCommunication', 'customerFeedback', 'customerDetails'] as const).map((k) => (
            <Textarea key={k} label={t(`registrations.${k}`)} autosize minRows={2} {...form.getInputProps(`evidence.${k}`)} />
          ))}
        </Stack>
      </Card>
      {Object.keys(errors).length > 0 && <Alert color="red">{errors.form ?? Object.values(errors).slice(0, 5).join(' · ')}</Alert>}
      <Group justify="flex-end">
        <Button size="md" loading={create.isPending} onClick={() => save()}>
          {t('registrations.save')}
        </Button>
      </Group>
    </Stack>
  );
}

import { ActionIcon, Alert, Anchor, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type RegistrationInput, RegistrationInputSchema, translateZodIssue } from '@partnerline/domain';
import { ApiError, currentLanguage, PageHeader, regionOptions } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { industriesQueryOptions, productsQueryOptions, regionsQueryOptions, useCreateRegistration } from '../../../api/portal';

export const Route = createFileRoute('/_authed/registrations/new')({
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureQueryData(industriesQueryOptions()), context.queryClient.ensureQueryData(regionsQueryOptions()), context.queryClient.ensureQueryData(productsQueryOptions())]),
  component: NewRegistration,
});

type Level = RegistrationInput['contacts'][number]['decisionLevel'];

function NewRegistration() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const navigate = useNavigate();
  const { data: industries } = useSuspenseQuery(industriesQueryOptions());
  const { data: regions } = useSuspenseQuery(regionsQueryOptions());
  const { data: products } = useSuspenseQuery(productsQueryOptions());
  const create = useCreateRegistration();
  const [customer, setCustomer] = useState({ name: '', taxId: '', domain: '', industryId: null as string | null, regionId: null as string | null, address: '' });
  const [contacts, setContacts] = useState([{ name: '', title: '', decisionLevel: 'decision_maker' as Level }]);
  const [lines, setLines] = useState([{ productId: null as string | null, quantity: 1 as number | string }]);
  const [amount, setAmount] = useState('');
  const [close, setClose] = useState('');
  const [stage, setStage] = useState<RegistrationInput['stage']>('qualifying');
  const [need, setNeed] = useState('');
  const [evidence, setEvidence] = useState({ proofOfCommunication: '', customerFeedback: '', customerDetails: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = () => {
    const input = {
      customer: { name: customer.name, taxId: customer.taxId || undefined, domain: customer.domain || undefined, industryId: customer.industryId ?? '', regionId: customer.regionId ?? '', address: customer.address || undefined },
      contacts: contacts.map((c) => ({ name: c.name, title: c.title || undefined, decisionLevel: c.decisionLevel })),
      products: lines.map((l) => ({ productId: l.productId ?? '', quantity: Number(l.quantity) })),
      estimatedAmount: amount,
      expectedCloseDate: close,
      stage,
      need,
      evidence: Object.fromEntries(Object.entries(evidence).filter(([, v]) => v.trim())),
    };
    const parsed = RegistrationInputSchema.safeParse(input);
    if (!parsed.success) return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), translateZodIssue(i as never, currentLanguage()).message])));
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (r) => {
        notifications.show({ color: 'green', message: t('registrations.done') });
        void navigate({ to: '/registrations/$registrationId', params: { registrationId: r.id } });
      },
      onError: (e) => setErrors(e instanceof ApiError ? (e.issues.length ? e.fieldErrors() : { form: e.message }) : { form: String(e) }),
    });
  };

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
          <TextInput label={t('registrations.customerName')} value={customer.name} onChange={(e) => setCustomer({ ...customer, name: e.currentTarget.value })} error={errors['customer.name']} required />
          <TextInput label={t('registrations.taxId')} value={customer.taxId} onChange={(e) => setCustomer({ ...customer, taxId: e.currentTarget.value })} />
          <TextInput label={t('registrations.domain')} value={customer.domain} onChange={(e) => setCustomer({ ...customer, domain: e.currentTarget.value })} />
          <TextInput label={t('registrations.address')} value={customer.address} onChange={(e) => setCustomer({ ...customer, address: e.currentTarget.value })} />
          <Select label={t('registrations.industry')} searchable data={industries.map((i) => ({ value: i.id, label: zh ? i.nameZh : i.nameEn }))} value={customer.industryId} onChange={(v) => setCustomer({ ...customer, industryId: v })} error={errors['customer.industryId']} required />
          <Select label={t('registrations.region')} searchable data={regionOptions(regions, i18n.language)} value={customer.regionId} onChange={(v) => setCustomer({ ...customer, regionId: v })} error={errors['customer.regionId']} required />
        </SimpleGrid>
      </Card>
      <Card>
        <Title order={4} mb="sm">
          {t('registrations.contacts')}
        </Title>
        <Stack gap="xs">
          {contacts.map((c, i) => (
            <Group key={i} wrap="nowrap" align="flex-end">
              <TextInput label={t('registrations.contactName')} aria-label={`${t('registrations.contactName')} ${i + 1}`} value={c.name} onChange={(e) => setContacts(contacts.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))} error={errors[`contacts.${i}.name`]} style={{ flex: 1 }} />
              <TextInput label={t('registrations.contactTitle')} value={c.title} onChange={(e) => setContacts(contacts.map((x, j) => (j === i ? { ...x, title: e.currentTarget.value } : x)))} style={{ flex: 1 }} />
              <Select label={t('registrations.decisionLevel')} allowDeselect={false} data={(['user_influencer', 'procurement', 'decision_maker'] as const).map((l) => ({ value: l, label: t(`registrations.levels.${l}`) }))} value={c.decisionLevel} onChange={(v) => setContacts(contacts.map((x, j) => (j === i ? { ...x, decisionLevel: (v as Level) ?? x.decisionLevel } : x)))} />
              <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label="remove" disabled={contacts.length === 1} onClick={() => setContacts(contacts.filter((_, j) => j !== i))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setContacts([...contacts, { name: '', title: '', decisionLevel: 'user_influencer' }])}>
            {t('registrations.addContact')}
          </Button>
        </Stack>
      </Card>
      <Card>
        <Title order={4} mb="sm">
          {t('registrations.products')}
        </Title>
        <Stack gap="xs">
          {lines.map((l, i) => (
            <Group key={i} wrap="nowrap" align="flex-end">
              <Select label={t('registrations.product')} aria-label={`${t('registrations.product')} ${i + 1}`} searchable data={products.map((p) => ({ value: p.id, label: `${p.sku} · ${zh ? p.nameZh : p.nameEn}` }))} value={l.productId} onChange={(v) => setLines(lines.map((x, j) => (j === i ? { ...x, productId: v } : x)))} error={errors[`products.${i}.productId`]} style={{ flex: 1 }} />
              <NumberInput label={t('registrations.quantity')} min={1} w={120} value={l.quantity} onChange={(v) => setLines(lines.map((x, j) => (j === i ? { ...x, quantity: v } : x)))} />
              <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label="remove" disabled={lines.length === 1} onClick={() => setLines(lines.filter((_, j) => j !== i))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setLines([...lines, { productId: null, quantity: 1 }])}>
            {t('registrations.addProduct')}
          </Button>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
          <TextInput label={t('registrations.estimatedAmount')} placeholder="480000.00" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={errors.estimatedAmount} required />
          <TextInput type="date" label={t('registrations.expectedClose')} value={close} onChange={(e) => setClose(e.currentTarget.value)} error={errors.expectedCloseDate} required />
          <Select label={t('registrations.stage')} allowDeselect={false} data={(['qualifying', 'solution', 'proposal', 'negotiation'] as const).map((s) => ({ value: s, label: t(`registrations.stages.${s}`) }))} value={stage} onChange={(v) => v && setStage(v as typeof stage)} />
        </SimpleGrid>
        <Textarea mt="sm" label={t('registrations.need')} autosize minRows={3} value={need} onChange={(e) => setNeed(e.currentTarget.value)} error={errors.need} required />
      </Card>
      <Card>
        <Title order={4} mb="sm">
          {t('registrations.evidence')}
        </Title>
        <Stack>
          {(['proofOfCommunication', 'customerFeedback', 'customerDetails'] as const).map((k) => (
            <Textarea key={k} label={t(`registrations.${k}`)} autosize minRows={2} value={evidence[k]} onChange={(e) => setEvidence({ ...evidence, [k]: e.currentTarget.value })} />
          ))}
        </Stack>
      </Card>
      {Object.keys(errors).length > 0 && <Alert color="red">{errors.form ?? Object.values(errors).slice(0, 5).join(' · ')}</Alert>}
      <Group justify="flex-end">
        <Button size="md" loading={create.isPending} onClick={save}>
          {t('registrations.save')}
        </Button>
      </Group>
    </Stack>
  );
}

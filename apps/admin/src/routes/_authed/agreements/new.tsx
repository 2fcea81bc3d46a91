import { Anchor, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { productLinesQueryOptions, productsQueryOptions, useCreateAgreement } from '../../../api/agreements';
import { industriesQueryOptions, regionsQueryOptions } from '../../../api/catalog';
import { partnersQueryOptions } from '../../../api/partners';
import { PageHeader } from '@partnerline/ui';
import { AgreementForm, apiErrors, emptyTerms } from './-components/AgreementForm';

export const Route = createFileRoute('/_authed/agreements/new')({
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(industriesQueryOptions()),
      context.queryClient.ensureQueryData(regionsQueryOptions()),
      context.queryClient.ensureQueryData(productsQueryOptions()),
      context.queryClient.ensureQueryData(productLinesQueryOptions()),
      context.queryClient.ensureQueryData(partnersQueryOptions({ page: 1, pageSize: 200, sort: 'name', order: 'asc' })),
    ]),
  component: NewAgreement,
});

function NewAgreement() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateAgreement();
  return (
    <Stack maw={1100}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/agreements" />}>
        ← {t('agreement.back')}
      </Anchor>
      <PageHeader title={t('agreementForm.createTitle')} />
      <AgreementForm
        initial={emptyTerms()}
        submitLabel={t('agreementForm.saveDraft')}
        pending={create.isPending}
        onSubmit={(terms, setErrors) =>
          create.mutate(terms, {
            onSuccess: (r) => {
              notifications.show({ color: 'green', message: t('agreementForm.saved') });
              void navigate({ to: '/agreements/$agreementId', params: { agreementId: r.id } });
            },
            onError: (e) => setErrors(apiErrors(e)),
          })
        }
      />
    </Stack>
  );
}

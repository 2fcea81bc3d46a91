import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { agreementsQueryOptions, ApiError, errorMessage, formatDate, useLocale } from '@partnerline/ui';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenRenewalReview } from '../../../../api/renewals';
import { Refusal } from '../../../../refusal';

const ACTIVE = { status: 'active', page: 1, pageSize: 200 } as const;

/**
 * A channel manager opens the review of an in-force agreement before the sweep would; when the agreement already
 * has one, the API says so with its id and the page opens it.
 */
export function OpenReviewButton() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [agreementId, setAgreementId] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const agreements = useQuery({ ...agreementsQueryOptions(ACTIVE), enabled: opened });
  const open = useOpenRenewalReview();
  const go = (reviewId: string) => void navigate({ to: '/renewals/$reviewId', params: { reviewId } });
  const close = () => {
    setOpened(false);
    setRefusal(null);
  };
  const confirm = () => {
    if (!agreementId) return;
    open.mutate(agreementId, {
      onSuccess: (r) => go(r.id),
      onError: (e) => {
        const existing = e instanceof ApiError && e.code === 'RENEWAL_REVIEW_EXISTS' ? e.details?.reviewId : undefined;
        if (typeof existing === 'string') go(existing);
        else setRefusal(errorMessage(e));
      },
    });
  };
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setOpened(true)}>
        {t('renewals.board.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('renewals.board.openTitle')}>
        <Stack>
          <Text size="sm">{t('renewals.board.openText')}</Text>
          <Select
            label={t('renewals.board.openAgreement')}
            searchable
            data={(agreements.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `${a.partnerName} · ${t(`agreementType.${a.type}`)} · ${a.number} · ${formatDate(a.endDate, locale)}`,
            }))}
            value={agreementId}
            onChange={setAgreementId}
            comboboxProps={{ withinPortal: true }}
          />
          <Refusal title={t('renewals.refused')} message={refusal} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('renewals.cancel')}
            </Button>
            <Button onClick={confirm} disabled={!agreementId} loading={open.isPending}>
              {t('renewals.board.openConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

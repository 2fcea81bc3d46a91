import { Alert, Anchor, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseParty } from './case-parties';

/** What the server recommends, naming the party and its reasons (the page never computes its own recommendation). */
export function Recommendation({ party, reasons }: { party?: CaseParty; reasons: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const sep = i18n.language === 'zh-CN' ? '；' : '; ';
  return (
    <Alert color="indigo" icon={<IconBulb size={18} />} title={t('conflicts.recommendation')} data-testid="recommendation">
      <Text size="sm" fw={600}>
        {party ? t('conflicts.recommendAward', { partner: party.name }) : t('conflicts.recommendUnknown')}
        {party?.kind === 'exclusive_holder' && party.agreementId && (
          <>
            {' · '}
            {t('conflicts.recommendHolder')}{' '}
            <Anchor
              size="sm"
              fw={600}
              renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: party.agreementId! }} />}
            >
              {party.agreementNumber}
            </Anchor>
          </>
        )}
      </Text>
      <Text size="sm">{reasons.map((r) => t(`conflicts.reasons.${r}`)).join(sep)}</Text>
    </Alert>
  );
}

import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The list with the item at `from` moved to `to` (unchanged when `to` is out of range). */
export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** Move up / move down / remove for item `index` of an ordered editor list (modules, quiz questions). */
export function ListItemActions<T>({ list, index, onChange, removeTooltip, removeLabel, canRemove = true }: { list: T[]; index: number; onChange: (list: T[]) => void; removeTooltip: string; removeLabel: string; canRemove?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="subtle" color="gray" aria-label={t('courseEditor.moveUp')} disabled={index === 0} onClick={() => onChange(move(list, index, index - 1))}>
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon variant="subtle" color="gray" aria-label={t('courseEditor.moveDown')} disabled={index === list.length - 1} onClick={() => onChange(move(list, index, index + 1))}>
        <IconArrowDown size={16} />
      </ActionIcon>
      <Tooltip label={removeTooltip}>
        <ActionIcon variant="subtle" color="red" aria-label={removeLabel} disabled={!canRemove} onClick={() => onChange(list.filter((_, j) => j !== index))}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

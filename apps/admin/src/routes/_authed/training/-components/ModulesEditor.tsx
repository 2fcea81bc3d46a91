import { ActionIcon, Badge, Box, Button, Card, Group, Paper, ScrollArea, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconLink, IconPlus, IconVideo, IconX } from '@tabler/icons-react';
import type { CourseModule } from '@partnerline/domain';
import { Markdown } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';
import { ListItemActions } from './ListItemActions';

export function newModule(): CourseModule {
  return { id: crypto.randomUUID(), title: '', body: '', links: [], videoUrl: null };
}

/** The course's modules in order: a title, Markdown body with a live preview, further links and an optional video. */
export function ModulesEditor({ value, onChange, errors = {}, readOnly = false }: { value: CourseModule[]; onChange: (modules: CourseModule[]) => void; errors?: Record<string, string>; readOnly?: boolean }) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<CourseModule>) => onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  return (
    <Stack gap="md">
      {value.map((m, i) => (
        <Card key={m.id} withBorder padding="md" radius="md" data-testid="course-module">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Badge variant="light" radius="sm">
              {t('courseEditor.module', { n: i + 1 })}
            </Badge>
            {!readOnly && (
              <ListItemActions list={value} index={i} onChange={onChange} removeTooltip={t('courseEditor.removeModule')} removeLabel={t('courseEditor.removeModuleN', { n: i + 1 })} canRemove={value.length > 1} />
            )}
          </Group>
          <Stack gap="sm">
            <TextInput label={t('courseEditor.moduleTitle')} aria-label={t('courseEditor.moduleTitleN', { n: i + 1 })} required readOnly={readOnly} value={m.title} onChange={(e) => update(i, { title: e.currentTarget.value })} error={errors[`modules.${i}.title`]} data-path={`modules.${i}.title`} />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
              <Textarea
                label={t('courseEditor.body')}
                description={t('courseEditor.bodyHint')}
                aria-label={t('courseEditor.bodyN', { n: i + 1 })}
                autosize
                minRows={10}
                maxRows={24}
                readOnly={readOnly}
                value={m.body}
                onChange={(e) => update(i, { body: e.currentTarget.value })}
                error={errors[`modules.${i}.body`]} data-path={`modules.${i}.body`}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('courseEditor.preview')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('courseEditor.previewHint')}
                </Text>
                <Paper withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-0)" style={{ flex: 1 }} data-testid="module-preview">
                  <ScrollArea.Autosize mah={480}>
                    {m.body.trim() ? (
                      <Box fz="sm">
                        <Markdown>{m.body}</Markdown>
                      </Box>
                    ) : (
                      <Text size="sm" c="dimmed" fs="italic">
                        {t('courseEditor.emptyPreview')}
                      </Text>
                    )}
                  </ScrollArea.Autosize>
                </Paper>
              </Stack>
            </SimpleGrid>
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                {t('courseEditor.links')}
              </Text>
              {m.links.length === 0 && readOnly && (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
              {m.links.map((l, k) => (
                <Group key={k} gap="xs" wrap="nowrap" align="flex-start">
                  <IconLink size={16} style={{ marginTop: 9, flexShrink: 0 }} color="var(--mantine-color-gray-6)" />
                  <TextInput
                    w="35%"
                    placeholder={t('courseEditor.linkLabel')}
                    aria-label={t('courseEditor.linkLabelN', { m: i + 1, n: k + 1 })}
                    readOnly={readOnly}
                    value={l.label}
                    onChange={(e) => update(i, { links: m.links.map((x, j) => (j === k ? { ...x, label: e.currentTarget.value } : x)) })}
                    error={errors[`modules.${i}.links.${k}.label`]} data-path={`modules.${i}.links.${k}.label`}
                  />
                  <TextInput
                    style={{ flex: 1 }}
                    placeholder="https://"
                    aria-label={t('courseEditor.linkUrlN', { m: i + 1, n: k + 1 })}
                    readOnly={readOnly}
                    value={l.url}
                    onChange={(e) => update(i, { links: m.links.map((x, j) => (j === k ? { ...x, url: e.currentTarget.value } : x)) })}
                    error={errors[`modules.${i}.links.${k}.url`]} data-path={`modules.${i}.links.${k}.url`}
                  />
                  {!readOnly && (
                    <ActionIcon variant="subtle" color="gray" mt={4} aria-label={t('courseEditor.removeLink')} onClick={() => update(i, { links: m.links.filter((_, j) => j !== k) })}>
                      <IconX size={14} />
                    </ActionIcon>
                  )}
                </Group>
              ))}
              {!readOnly && (
                <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} disabled={m.links.length >= 20} onClick={() => update(i, { links: [...m.links, { label: '', url: '' }] })}>
                  {t('courseEditor.addLink')}
                </Button>
              )}
            </Stack>
            <TextInput
              label={t('courseEditor.videoUrl')}
              placeholder="https://"
              leftSection={<IconVideo size={16} />}
              readOnly={readOnly}
              value={m.videoUrl ?? ''}
              onChange={(e) => update(i, { videoUrl: e.currentTarget.value.trim() ? e.currentTarget.value : null })}
              error={errors[`modules.${i}.videoUrl`]} data-path={`modules.${i}.videoUrl`}
            />
          </Stack>
        </Card>
      ))}
      {!readOnly && (
        <Button variant="light" w="fit-content" leftSection={<IconPlus size={16} />} disabled={value.length >= 50} onClick={() => onChange([...value, newModule()])}>
          {t('courseEditor.addModule')}
        </Button>
      )}
    </Stack>
  );
}

import { Anchor, Code, List, Text, Title, Typography } from '@mantine/core';
import ReactMarkdown, { type Components } from 'react-markdown';

const components: Components = {
  h1: ({ children }) => <Title order={3} mt="md" mb="xs">{children}</Title>,
  h2: ({ children }) => <Title order={4} mt="md" mb="xs">{children}</Title>,
  h3: ({ children }) => <Title order={5} mt="sm" mb="xs">{children}</Title>,
  p: ({ children }) => <Text mb="sm">{children}</Text>,
  a: ({ href, children }) => (
    <Anchor href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </Anchor>
  ),
  ul: ({ children }) => <List mb="sm">{children}</List>,
  ol: ({ children }) => <List type="ordered" mb="sm">{children}</List>,
  code: ({ children }) => <Code>{children}</Code>,
};

/** Course content and other authored text: Markdown rendered as Mantine typography. Raw HTML is never rendered. */
export function Markdown({ children }: { children: string }) {
  return (
    <Typography>
      <ReactMarkdown components={components} skipHtml>
        {children}
      </ReactMarkdown>
    </Typography>
  );
}

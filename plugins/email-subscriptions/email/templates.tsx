import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components'
import { render, toPlainText } from '@react-email/render'
import type { ReactNode } from 'react'

export type RenderedEmail = { subject: string; html: string; text: string }

const Layout = ({ preview, children }: { preview: string; children: ReactNode }) => (
  <Html lang="en">
    <Head />
    <Preview>{preview}</Preview>
    <Body style={{ fontFamily: 'Arial, sans-serif', color: '#1f2933' }}>
      <Container style={{ maxWidth: 560, padding: 16 }}>{children}</Container>
    </Body>
  </Html>
)

/** Double opt-in: the link opens a page with a Confirm button, so link scanners confirm nothing. */
export const confirmationEmail = async (data: { confirmURL: string; topics: string[]; lifetimeDays: number }): Promise<RenderedEmail> => {
  const subject = 'Confirm your email updates from Q'
  const html = await render(
    <Layout preview={subject}>
      <Heading as="h2">Confirm your subscription</Heading>
      <Text>You (or someone using your address) asked for email updates about: {data.topics.join(', ')}.</Text>
      <Button href={data.confirmURL} style={{ background: '#00798c', color: '#fff', padding: '10px 16px' }}>
        Confirm my subscription
      </Button>
      <Text>The link works once and expires in {data.lifetimeDays} days. If you did not ask for this, ignore this email.</Text>
    </Layout>,
  )
  return { subject, html, text: toPlainText(html) }
}

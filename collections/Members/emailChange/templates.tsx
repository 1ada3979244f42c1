import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Html,
  Preview,
  Text,
} from '@react-email/components'
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

const rendered = async (subject: string, element: ReactNode): Promise<RenderedEmail> => {
  const html = await render(element)
  return { subject, html, text: toPlainText(html) }
}

/** To the new address: the only place the token exists. The link opens a page with a button. */
export const emailChangeConfirmationEmail = (data: {
  name: string
  confirmURL: string
  lifetimeHours: number
}): Promise<RenderedEmail> => {
  const subject = 'Confirm your new email address for Q'
  return rendered(
    subject,
    <Layout preview={subject}>
      <Heading as="h2">Confirm your new address</Heading>
      <Text>Hello {data.name}, you asked to use this address for your Q account.</Text>
      <Button
        href={data.confirmURL}
        style={{ background: '#00798c', color: '#fff', padding: '10px 16px' }}
      >
        Use this address
      </Button>
      <Text>
        The link works once and expires in {data.lifetimeHours} hours. Until then your account keeps
        its current address. If you did not ask for this, ignore this email.
      </Text>
    </Layout>,
  )
}

/** To the old address: a heads-up without a link, so a takeover attempt does not go unnoticed. */
export const emailChangeNoticeEmail = (data: {
  name: string
  maskedNewEmail: string
}): Promise<RenderedEmail> => {
  const subject = 'Someone asked to change the email address of your Q account'
  return rendered(
    subject,
    <Layout preview={subject}>
      <Heading as="h2">Change of email address requested</Heading>
      <Text>
        Hello {data.name}, a change of your Q account&apos;s address to {data.maskedNewEmail} was
        requested. Nothing changes unless it is confirmed from that address.
      </Text>
      <Text>If this was not you, change your password and tell the Q team.</Text>
    </Layout>,
  )
}

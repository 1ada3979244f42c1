import { Body, Button, Container, Heading, Html, Preview, Text } from '@react-email/components'
import { render, toPlainText } from '@react-email/render'

/** To the member's own address: the only place the erasure token exists. */
export const erasureConfirmationEmail = async (data: {
  name: string
  confirmURL: string
  lifetimeHours: number
}): Promise<{ subject: string; html: string; text: string }> => {
  const subject = 'Confirm that you want your Q account erased'
  const html = await render(
    <Html lang="en">
      <Preview>{subject}</Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', color: '#1f2933' }}>
        <Container style={{ maxWidth: 560, padding: 16 }}>
          <Heading as="h2">Erase your account?</Heading>
          <Text>
            Hello {data.name}, you asked us to erase your Q account and the personal data we hold
            with it. Your comments stay, under &quot;Former member&quot;.
          </Text>
          <Button
            href={data.confirmURL}
            style={{ background: '#b42318', color: '#fff', padding: '10px 16px' }}
          >
            Review and confirm
          </Button>
          <Text>
            The link works once and expires in {data.lifetimeHours} hours. Nothing is erased until
            you confirm on the page it opens. If you did not ask for this, ignore this email and
            change your password.
          </Text>
        </Container>
      </Body>
    </Html>,
  )
  return { subject, html, text: toPlainText(html) }
}

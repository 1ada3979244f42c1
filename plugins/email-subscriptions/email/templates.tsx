import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components'
import { render, toPlainText } from '@react-email/render'
import type { ReactNode } from 'react'

import type {
  ConfirmationEmailData,
  DigestEmailData,
  ManageLinks,
  PublicationEmailData,
  RenderedEmail,
  SubscriptionTemplates,
} from '../types'

const buttonStyle = { background: '#00798c', color: '#fff', padding: '10px 16px' }

const Layout = ({
  preview,
  children,
  links,
}: {
  preview: string
  children: ReactNode
  links?: ManageLinks
}) => (
  <Html lang="en">
    <Head />
    <Preview>{preview}</Preview>
    <Body style={{ fontFamily: 'Arial, sans-serif', color: '#1f2933' }}>
      <Container style={{ maxWidth: 560, padding: 16 }}>
        {children}
        {links ? (
          <>
            <Hr />
            <Text style={{ fontSize: 12, color: '#52606d' }}>
              You get this because you subscribed to updates from Q.{' '}
              <Link href={links.preferencesURL}>Choose topics and frequency</Link> or{' '}
              <Link href={links.unsubscribeURL}>unsubscribe</Link>.
            </Text>
          </>
        ) : null}
      </Container>
    </Body>
  </Html>
)

const rendered = async (subject: string, element: ReactNode): Promise<RenderedEmail> => {
  const html = await render(element)
  return { subject, html, text: toPlainText(html) }
}

/** Double opt-in: the link opens a page with a Confirm button, so link scanners confirm nothing. */
export const confirmationEmail = (data: ConfirmationEmailData): Promise<RenderedEmail> => {
  const subject = 'Confirm your email updates from Q'
  return rendered(
    subject,
    <Layout preview={subject}>
      <Heading as="h2">Confirm your subscription</Heading>
      <Text>
        You (or someone using your address) asked for email updates about: {data.topics.join(', ')}.
      </Text>
      <Button href={data.confirmURL} style={buttonStyle}>
        Confirm my subscription
      </Button>
      <Text>
        The link works once and expires in {data.lifetimeDays} days. If you did not ask for this,
        ignore this email.
      </Text>
    </Layout>,
  )
}

/** One new publication: the title is the subject, then the excerpt and a link to read it. */
export const publicationEmail = (data: PublicationEmailData): Promise<RenderedEmail> =>
  rendered(
    `New on Q: ${data.title}`,
    <Layout preview={data.excerpt || data.title} links={data}>
      <Text style={{ textTransform: 'uppercase', fontSize: 12, color: '#52606d' }}>
        {data.topicLabel}
      </Text>
      <Heading as="h2">{data.title}</Heading>
      {data.excerpt ? <Text>{data.excerpt}</Text> : null}
      <Button href={data.url} style={buttonStyle}>
        Read on Q
      </Button>
    </Layout>,
  )

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  timeZone: 'Europe/London',
})

/** The weekly digest: last week's publications in the subscriber's topics, newest first. */
export const digestEmail = (data: DigestEmailData): Promise<RenderedEmail> => {
  const count = data.items.length
  const subject = `This week on Q: ${count} new ${count === 1 ? 'publication' : 'publications'}`
  return rendered(
    subject,
    <Layout preview={data.items.map((item) => item.title).join(' · ')} links={data}>
      <Heading as="h2">
        New on Q, {dateFormat.format(data.periodStart)} to {dateFormat.format(data.periodEnd)}
      </Heading>
      {data.items.map((item) => (
        <Section key={item.url} style={{ marginBottom: 16 }}>
          <Text style={{ textTransform: 'uppercase', fontSize: 12, color: '#52606d', margin: 0 }}>
            {item.topicLabel}
          </Text>
          <Link href={item.url} style={{ fontSize: 18, fontWeight: 'bold' }}>
            {item.title}
          </Link>
          {item.excerpt ? <Text style={{ marginTop: 4 }}>{item.excerpt}</Text> : null}
        </Section>
      ))}
    </Layout>,
  )
}

export const defaultTemplates: SubscriptionTemplates = {
  confirmation: confirmationEmail,
  publication: publicationEmail,
  digest: digestEmail,
}

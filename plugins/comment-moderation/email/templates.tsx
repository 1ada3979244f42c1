import {
  Body,
  Container,
  Head,
  Heading,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components'
import { render, toPlainText } from '@react-email/render'
import type { ReactElement, ReactNode } from 'react'

/** An email as the transport needs it. Templates are pure: data in, `{ subject, html, text }` out. */
export type RenderedEmail = { subject: string; html: string; text: string }

export const Layout = ({ preview, children }: { preview: string; children: ReactNode }) => (
  <Html lang="en">
    <Head />
    <Preview>{preview}</Preview>
    <Body style={{ fontFamily: 'Arial, sans-serif', color: '#1f2933' }}>
      <Container style={{ maxWidth: 560, padding: 16 }}>{children}</Container>
    </Body>
  </Html>
)

export const renderEmail = async (
  subject: string,
  element: ReactElement,
): Promise<RenderedEmail> => {
  const html = await render(element)
  return { subject, html, text: toPlainText(html) }
}

export const excerpt = (body: string) => (body.length > 280 ? `${body.slice(0, 277)}…` : body)

export type DecisionEmailData = {
  authorName: string
  approved: boolean
  commentBody: string
  clause: { number: string; title?: string | null } | null
  reason?: string | null
  documentURL?: string
  /**
   * Leave the comment's text out: a comment from the urgent lane may say the author is at risk,
   * and an email quoting it could expose that to whoever reads their inbox.
   */
  withoutExcerpt?: boolean
}

/** To the author of a held comment, once a moderator approves or rejects it. */
export const decisionEmail = (data: DecisionEmailData): Promise<RenderedEmail> => {
  const subject = data.approved
    ? 'Your comment has been published'
    : 'Your comment was not published'
  const clause = data.clause
    ? `clause ${data.clause.number}${data.clause.title ? ` (${data.clause.title})` : ''} of our comments policy`
    : 'our comments policy'
  return renderEmail(
    subject,
    <Layout preview={subject}>
      <Heading as="h2">{subject}</Heading>
      <Text>Hello {data.authorName},</Text>
      <Text>
        {data.approved
          ? 'A moderator has read your comment and it is now visible to everyone.'
          : `A moderator has read your comment and decided not to publish it, under ${clause}.`}
      </Text>
      {data.reason && !data.approved ? <Text>Moderator's note: {data.reason}</Text> : <></>}
      {data.withoutExcerpt ? (
        <></>
      ) : (
        <Section style={{ borderLeft: '3px solid #cbd2d9', paddingLeft: 12 }}>
          <Text>{excerpt(data.commentBody)}</Text>
        </Section>
      )}
      {data.documentURL ? <Link href={data.documentURL}>Go to the conversation</Link> : <></>}
    </Layout>,
  )
}

export type HeldComment = { id: number | string; body: string; rules: string[]; adminURL: string }

/** To moderators: comments newly held for review (digest), or hidden by readers' reports. */
export const moderatorAlertEmail = (data: {
  heading: string
  comments: HeldComment[]
}): Promise<RenderedEmail> =>
  renderEmail(
    `${data.heading} (${data.comments.length})`,
    <Layout preview={data.heading}>
      <Heading as="h2">{data.heading}</Heading>
      {data.comments.map((comment) => (
        <Section
          key={String(comment.id)}
          style={{ borderBottom: '1px solid #e4e7eb', paddingBottom: 8 }}
        >
          <Text>{excerpt(comment.body)}</Text>
          <Text style={{ color: '#616e7c' }}>
            Held by: {comment.rules.join(', ') || 'moderator'}
          </Text>
          <Link href={comment.adminURL}>Review in the moderation queue</Link>
        </Section>
      ))}
    </Layout>,
  )

/** To moderators, at once: a comment held in the urgent (safeguarding) lane. */
export const urgentModeratorEmail = (data: {
  id: number | string
  body: string
  heldAt: string
  adminURL: string
  /** Set when the wording is in the author's appeal of a rejection, not in the comment itself. */
  appealReason?: string | null
}): Promise<RenderedEmail> => {
  const subject = 'URGENT: a comment suggests someone may be at risk'
  return renderEmail(
    subject,
    <Layout preview={subject}>
      <Heading as="h2">{subject}</Heading>
      <Text>
        A comment posted at {data.heldAt.slice(11, 16)} UTC on {data.heldAt.slice(0, 10)} has
        wording that suggests self-harm, suicide or a medical emergency. It is held at the top of
        the moderation queue, and the address it was posted with is sent the policy's reply with
        where to get help (at most once a day).
      </Text>
      {data.appealReason ? (
        <Text>The wording is in the author's appeal of the comment's rejection:</Text>
      ) : (
        <></>
      )}
      <Section style={{ borderLeft: '3px solid #c81e1e', paddingLeft: 12 }}>
        <Text>{excerpt(data.appealReason ?? data.body)}</Text>
      </Section>
      <Link href={data.adminURL}>Read it now in the moderation queue</Link>
    </Layout>,
  )
}

/**
 * To the author of a comment held in the urgent lane: the policy's kind reply, paragraph by
 * paragraph (a blank line starts a new one). It never quotes the comment, and greets no one by
 * name: a guest's name and address are whatever the poster typed, so a name in it would let anyone
 * put their own words in the community's email to someone else's inbox.
 */
export const safeguardingReplyEmail = (data: {
  subject: string
  text: string
}): Promise<RenderedEmail> =>
  renderEmail(
    data.subject,
    <Layout preview={data.subject}>
      <Text>Hello,</Text>
      {data.text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph, index) => (
          <Text key={index}>{paragraph}</Text>
        ))}
    </Layout>,
  )

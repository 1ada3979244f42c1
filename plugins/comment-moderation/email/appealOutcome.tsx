import { Heading, Link, Section, Text } from '@react-email/components'

import { excerpt, Layout, type RenderedEmail, renderEmail } from './templates'

export type AppealOutcomeEmailData = {
  authorName: string
  /** Approved on appeal (the rejection overturned), or not (upheld). */
  overturned: boolean
  commentBody: string
  clause: { number: string; title?: string | null } | null
  note?: string | null
  documentURL?: string
}

/** To the author of an appealed comment, once a different moderator has decided the appeal. */
export const appealOutcomeEmail = (data: AppealOutcomeEmailData): Promise<RenderedEmail> => {
  const subject = data.overturned
    ? 'Your appeal was successful: your comment is published'
    : 'Your appeal was not upheld'
  const clause = data.clause
    ? `clause ${data.clause.number}${data.clause.title ? ` (${data.clause.title})` : ''} of our comments policy`
    : 'our comments policy'
  return renderEmail(
    subject,
    <Layout preview={subject}>
      <Heading as="h2">{subject}</Heading>
      <Text>Hello {data.authorName},</Text>
      <Text>
        {data.overturned
          ? `A different moderator has read your comment again, with your appeal, and published it. The earlier decision under ${clause} has been reversed.`
          : `A different moderator has read your comment again, with your appeal, and decided it stays unpublished under ${clause}. This decision is final.`}
      </Text>
      {data.note ? <Text>Moderator's note: {data.note}</Text> : <></>}
      <Section style={{ borderLeft: '3px solid #cbd2d9', paddingLeft: 12 }}>
        <Text>{excerpt(data.commentBody)}</Text>
      </Section>
      {data.documentURL ? <Link href={data.documentURL}>Go to the conversation</Link> : <></>}
    </Layout>,
  )
}

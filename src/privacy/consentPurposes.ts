/**
 * The purposes a member chooses separately, each a checkbox on their own profile. The wording is
 * versioned: a consent record names the version the member saw, so a later change of wording can
 * be told apart (and asked again) from what was agreed.
 */
export type ConsentPurpose = 'directory' | 'networkAnalysis' | 'contact'

export type ConsentPurposeWording = {
  /** The member's checkbox that records this choice. */
  field: 'directoryVisible' | 'networkAnalysis' | 'contactable'
  label: string
  /** What saying yes means, in the words shown to the member. */
  description: string
  /** Changes whenever `label` or `description` changes. */
  version: string
  /** Whether a new member starts with it on (opt-out) or off (opt-in, nothing assumed). */
  defaultValue: boolean
}

export const CONSENT_PURPOSES: Record<ConsentPurpose, ConsentPurposeWording> = {
  directory: {
    field: 'directoryVisible',
    label: 'List me in the member directory',
    description:
      'Your name, profession, organisation, region, interests and photo appear in the member directory and on your profile page. Untick to leave the directory; your comments and posts still show your name.',
    version: '2026-11-28',
    defaultValue: true,
  },
  networkAnalysis: {
    field: 'networkAnalysis',
    label: 'Include me in network analysis',
    description:
      'Your connections count in the community figures staff study (totals, growth, and the members who bridge groups, whom staff see by name) and in research exports for the independent evaluator, which never name you: each export uses new pseudonyms and leaves out anyone in a small group. Nothing is included until you tick this.',
    version: '2026-11-28.2',
    defaultValue: false,
  },
  contact: {
    field: 'contactable',
    label: 'Let other members contact me',
    description:
      'Other members can send you connection requests. Untick to receive none; connections you already have stay.',
    version: '2026-11-28',
    defaultValue: true,
  },
}

import { consentPurposesList } from '@/privacy/consent/purposesList'

import { PrivacyChoices } from './PrivacyChoices'

export const metadata = { title: 'Your privacy choices — Q Community' }

/**
 * `/account/privacy`: a member logs in and sees, with the exact wording and its version, what they
 * agreed to; changes it; downloads their data; asks for their account to be deleted. The wording
 * comes from CONSENT_PURPOSES on the server, the same the consent records name.
 */
export default function PrivacyPage() {
  return (
    <>
      <h1>Your privacy choices</h1>
      <PrivacyChoices purposes={consentPurposesList()} />
    </>
  )
}

import type { CollectionConfig } from 'payload'

import { adminOrSelfFieldIn } from '@/access/adminOrSelfField'
import { or } from '@/access/combine'
import { directoryVisible } from '@/access/directoryVisible'
import { isAdmin } from '@/access/isAdmin'
import { isEditor } from '@/access/isEditor'
import { isMemberOrStaffField } from '@/access/isMemberOrStaffField'
import { isStaff, isStaffField } from '@/access/isStaff'
import { selfFieldIn, selfIn } from '@/access/self'
import { staffOrSelfFieldIn } from '@/access/staffOrSelfField'
import { professionField } from '@/fields/professions'
import { regionField } from '@/fields/regions'
import { topicsField } from '@/fields/topics'
import {
  invalidateNetworkAfterChange,
  invalidateNetworkAfterDelete,
} from '@/network/hooks/invalidateNetwork'
import { CONSENT_PURPOSES } from '@/privacy/consentPurposes'
import { eraseEndpoints } from '@/privacy/rights/eraseEndpoints'
import { exportEndpoints } from '@/privacy/rights/exportEndpoints'

import { SLUGS } from '../slugs'
import { consentPurposesEndpoint } from './consentPurposesEndpoint'
import { directoryEndpoint } from './directoryEndpoint'
import { confirmEmailEndpoints } from './emailChange/confirmEmailEndpoints'
import { cancelErasureOnCredentialChange } from './hooks/cancelErasureOnCredentialChange'
import { deleteConnections } from './hooks/deleteConnections'
import { deleteConsentRecords } from './hooks/deleteConsentRecords'
import { holdEmailChangeUntilConfirmed } from './hooks/holdEmailChangeUntilConfirmed'
import { logStaffEmailChange } from './hooks/logStaffEmailChange'
import { onlyMemberMayList } from './hooks/onlyMemberMayList'
import { recordConsentChanges } from './hooks/recordConsentChanges'
import { restrictPasswordChanges } from './hooks/restrictPasswordChanges'
import { sendEmailChangeConfirmation } from './hooks/sendEmailChangeConfirmation'
import { refuseFirstRegister } from './refuseFirstRegister'
import {
  textareaWithoutPatientIdentifiers,
  textWithoutPatientIdentifiers,
} from './refusePatientIdentifiers'

/**
 * Community members. They log in at `/api/members/login` (never to the admin UI), edit only their
 * own profile, and appear in the directory unless they opt out with `directoryVisible`.
 */
export const Members: CollectionConfig = {
  slug: SLUGS.members,
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 7 * 24 * 60 * 60,
  },
  admin: {
    group: 'Community',
    useAsTitle: 'name',
    defaultColumns: ['name', 'profession', 'organisation', 'region', 'directoryVisible'],
  },
  access: {
    create: isEditor,
    // Opted-out members are invisible to the public and to other members, here and in relationships.
    read: or(isStaff, selfIn(SLUGS.members), directoryVisible),
    update: or(isEditor, selfIn(SLUGS.members)),
    delete: isAdmin,
    unlock: isAdmin,
  },
  // The public reads: the directory (visible members by name; only members of the same name are
  // sorted by Payload's -createdAt tie-break) and `/api/members` (visible members, newest first, as
  // Payload sorts when none is asked for).
  indexes: [
    { fields: ['directoryVisible', 'name'] },
    { fields: ['directoryVisible', 'createdAt'] },
  ],
  hooks: {
    beforeOperation: [restrictPasswordChanges],
    beforeChange: [holdEmailChangeUntilConfirmed, cancelErasureOnCredentialChange],
    afterChange: [
      sendEmailChangeConfirmation,
      logStaffEmailChange,
      recordConsentChanges,
      invalidateNetworkAfterChange,
    ],
    beforeDelete: [deleteConsentRecords, deleteConnections],
    afterDelete: [invalidateNetworkAfterDelete],
  },
  endpoints: [
    directoryEndpoint,
    consentPurposesEndpoint,
    refuseFirstRegister,
    ...confirmEmailEndpoints,
    ...exportEndpoints,
    ...eraseEndpoints,
  ],
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120, index: true },
    {
      name: 'email',
      type: 'email',
      access: {
        // Never public, never shown to other members.
        read: staffOrSelfFieldIn(SLUGS.members),
        // Editors cannot change it (their value is ignored); a member's own change waits for confirmation.
        update: adminOrSelfFieldIn(SLUGS.members),
      },
      admin: {
        description:
          "A member's own change applies only once confirmed from the new address; an admin's applies at once.",
      },
    },
    {
      name: 'pendingEmail',
      type: 'email',
      access: { read: staffOrSelfFieldIn(SLUGS.members), create: () => false, update: () => false },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'New address waiting for confirmation from that address.',
      },
    },
    // Hash of the single-use confirmation token (the token itself is only in the email) and its expiry.
    {
      name: 'pendingEmailTokenHash',
      type: 'text',
      index: true,
      hidden: true,
      access: { create: () => false, update: () => false },
    },
    {
      name: 'pendingEmailExpiresAt',
      type: 'date',
      hidden: true,
      access: { create: () => false, update: () => false },
    },
    professionField({ required: true }),
    {
      name: 'organisation',
      type: 'text',
      maxLength: 200,
      validate: textWithoutPatientIdentifiers('organisation'),
    },
    regionField({ required: true }),
    topicsField('interests'),
    {
      name: 'bio',
      type: 'textarea',
      maxLength: 2000,
      validate: textareaWithoutPatientIdentifiers('bio'),
      access: { read: isMemberOrStaffField },
      admin: { description: 'Visible to logged-in members and staff only.' },
    },
    { name: 'avatar', type: 'upload', relationTo: SLUGS.media },
    {
      name: 'joinedAt',
      type: 'date',
      defaultValue: () => new Date().toISOString(),
      access: { create: isStaffField, update: isStaffField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'directoryVisible',
      type: 'checkbox',
      label: CONSENT_PURPOSES.directory.label,
      defaultValue: CONSENT_PURPOSES.directory.defaultValue,
      index: true,
      hooks: { beforeChange: [onlyMemberMayList] },
      admin: { position: 'sidebar', description: CONSENT_PURPOSES.directory.description },
    },
    {
      name: 'networkAnalysis',
      type: 'checkbox',
      label: CONSENT_PURPOSES.networkAnalysis.label,
      defaultValue: CONSENT_PURPOSES.networkAnalysis.defaultValue,
      index: true,
      // The member's own choice: staff see it but cannot make it for them.
      access: {
        read: staffOrSelfFieldIn(SLUGS.members),
        create: () => false,
        update: selfFieldIn(SLUGS.members),
      },
      admin: { position: 'sidebar', description: CONSENT_PURPOSES.networkAnalysis.description },
    },
    {
      name: 'contactable',
      type: 'checkbox',
      label: CONSENT_PURPOSES.contact.label,
      defaultValue: CONSENT_PURPOSES.contact.defaultValue,
      // Members see it so a frontend can hide "connect" for someone who takes no requests.
      access: {
        read: isMemberOrStaffField,
        create: () => false,
        update: selfFieldIn(SLUGS.members),
      },
      admin: { position: 'sidebar', description: CONSENT_PURPOSES.contact.description },
    },
    // "Download data" (staff) and "Erase member" (admins) on the member's edit view.
    {
      name: 'personalData',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/MemberDataActions#MemberDataActions' },
      },
    },
  ],
}

import type { ServerProps } from 'payload'
import type React from 'react'

import { isStaffUser } from '@/access/checkRole'

/** A link to the Privacy area in the admin's navigation, for staff (who may open it). */
export const PrivacyNavLink: React.FC<ServerProps> = ({ payload, user }) =>
  isStaffUser(user) ? (
    <a
      className="nav__link"
      href={`${payload.config.routes.admin}/privacy`}
      data-testid="privacy-nav-link"
    >
      <span className="nav__link-label">Privacy overview</span>
    </a>
  ) : null

import type { ServerProps } from 'payload'
import type React from 'react'

import { COMMENTS_SLUG, TRANSPARENCY_ADMIN_PATH } from '../constants'

/** Whoever may update comments moderates them (the plugin's `isModerator`, through Payload's permissions). */
export const canModerate = (permissions: ServerProps['permissions']): boolean =>
  permissions?.collections?.[COMMENTS_SLUG]?.update === true

/** A link to the transparency report in the admin's navigation, for moderators. */
export const TransparencyNavLink: React.FC<ServerProps> = ({ payload, permissions }) =>
  canModerate(permissions) ? (
    <a
      className="nav__link"
      href={`${payload.config.routes.admin}${TRANSPARENCY_ADMIN_PATH}`}
      data-testid="comments-transparency-nav-link"
    >
      <span className="nav__link-label">Comments transparency</span>
    </a>
  ) : null

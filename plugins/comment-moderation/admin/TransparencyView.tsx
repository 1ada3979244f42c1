import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import type React from 'react'

import { canModerate } from './TransparencyNavLink'
import { TransparencyReport } from './TransparencyReport'

/**
 * `/admin/comments-transparency`: the public transparency report, month by month, for moderators
 * (the figures are public; the page is part of the moderators' admin).
 */
export const TransparencyView: React.FC<AdminViewServerProps> = ({
  initPageResult,
  params,
  searchParams,
}) => {
  const { req, visibleEntities, permissions, locale } = initPageResult
  const { config } = req.payload
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>Comments transparency report</h1>
        {canModerate(permissions) ? (
          <TransparencyReport api={`${config.serverURL}${config.routes.api}`} />
        ) : (
          <p role="alert">The transparency report in the admin is for moderators.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}

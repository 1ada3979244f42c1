import type { Access } from 'payload'

/** Media that published (public) content uses; `usedByPublished` is kept by collections/Media/mediaUse. */
export const usedByPublished: Access = () => ({ usedByPublished: { equals: true } })

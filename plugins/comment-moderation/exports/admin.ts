// Components of the admin panel, as the import map names them
// (`@q-community/comment-moderation/admin#TransparencyView`).
export { TransparencyNavLink } from '../admin/TransparencyNavLink'
export { TransparencyReport } from '../admin/TransparencyReport'
export { TransparencyView } from '../admin/TransparencyView'
export { WaitingCell } from '../admin/WaitingCell'

// Admin components, as the import map names them (`@q-community/comment-moderation/admin#WaitingCell`).
export { WaitingCell } from '../admin/WaitingCell'

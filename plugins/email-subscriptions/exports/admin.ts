// Client components of the admin panel, as the import map names them
// (`@q-community/email-subscriptions/admin#SubscribersOverview`).
export { EmailPreviewLink } from '../admin/EmailPreviewLink'
export { SubscriberDataActions } from '../admin/SubscriberDataActions'
export { SubscribersOverview } from '../admin/SubscribersOverview'

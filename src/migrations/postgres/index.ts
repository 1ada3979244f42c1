import * as migration_20261126_062659_initial from './20261126_062659_initial';
import * as migration_20261126_065827_comment_moderation from './20261126_065827_comment_moderation';
import * as migration_20261126_072047_network from './20261126_072047_network';
import * as migration_20261126_075201_subscribers from './20261126_075201_subscribers';
import * as migration_20261126_084338_subscription_mailings from './20261126_084338_subscription_mailings';
import * as migration_20261127_165752_subscribe_confirmation_task from './20261127_165752_subscribe_confirmation_task';
import * as migration_20261127_170615_member_email_change from './20261127_170615_member_email_change';
import * as migration_20261127_172207_media_used_by_published from './20261127_172207_media_used_by_published';
import * as migration_20261127_201700_public_read_indexes from './20261127_201700_public_read_indexes';
import * as migration_20261128_025908_frontends from './20261128_025908_frontends';
import * as migration_20261128_030000_search_index from './20261128_030000_search_index';
import * as migration_20261128_053944_privacy from './20261128_053944_privacy';
import * as migration_20261207_125110_safeguarding from './20261207_125110_safeguarding';

export const migrations = [
  {
    up: migration_20261126_062659_initial.up,
    down: migration_20261126_062659_initial.down,
    name: '20261126_062659_initial',
  },
  {
    up: migration_20261126_065827_comment_moderation.up,
    down: migration_20261126_065827_comment_moderation.down,
    name: '20261126_065827_comment_moderation',
  },
  {
    up: migration_20261126_072047_network.up,
    down: migration_20261126_072047_network.down,
    name: '20261126_072047_network',
  },
  {
    up: migration_20261126_075201_subscribers.up,
    down: migration_20261126_075201_subscribers.down,
    name: '20261126_075201_subscribers',
  },
  {
    up: migration_20261126_084338_subscription_mailings.up,
    down: migration_20261126_084338_subscription_mailings.down,
    name: '20261126_084338_subscription_mailings',
  },
  {
    up: migration_20261127_165752_subscribe_confirmation_task.up,
    down: migration_20261127_165752_subscribe_confirmation_task.down,
    name: '20261127_165752_subscribe_confirmation_task',
  },
  {
    up: migration_20261127_170615_member_email_change.up,
    down: migration_20261127_170615_member_email_change.down,
    name: '20261127_170615_member_email_change',
  },
  {
    up: migration_20261127_172207_media_used_by_published.up,
    down: migration_20261127_172207_media_used_by_published.down,
    name: '20261127_172207_media_used_by_published',
  },
  {
    up: migration_20261127_201700_public_read_indexes.up,
    down: migration_20261127_201700_public_read_indexes.down,
    name: '20261127_201700_public_read_indexes',
  },
  {
    up: migration_20261128_025908_frontends.up,
    down: migration_20261128_025908_frontends.down,
    name: '20261128_025908_frontends',
  },
  {
    up: migration_20261128_030000_search_index.up,
    down: migration_20261128_030000_search_index.down,
    name: '20261128_030000_search_index',
  },
  {
    up: migration_20261128_053944_privacy.up,
    down: migration_20261128_053944_privacy.down,
    name: '20261128_053944_privacy',
  },
  {
    up: migration_20261207_125110_safeguarding.up,
    down: migration_20261207_125110_safeguarding.down,
    name: '20261207_125110_safeguarding'
  },
];

import * as migration_20261126_062659_initial from './20261126_062659_initial';

export const migrations = [
  {
    up: migration_20261126_062659_initial.up,
    down: migration_20261126_062659_initial.down,
    name: '20261126_062659_initial'
  },
];

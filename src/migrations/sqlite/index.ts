import * as migration_20261126_062646_initial from './20261126_062646_initial';

export const migrations = [
  {
    up: migration_20261126_062646_initial.up,
    down: migration_20261126_062646_initial.down,
    name: '20261126_062646_initial'
  },
];

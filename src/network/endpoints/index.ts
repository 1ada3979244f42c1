import type { Endpoint } from 'payload'

import { brokersEndpoint } from './brokers'
import { exportEndpoint } from './export'
import { importEndpoint } from './import'
import { growthEndpoint, statsEndpoint } from './stats'

export { importEndpoint } from './import'
export { parseDay } from './params'

/** The network's endpoints: public figures, staff analysis and export, the admin CSV upload. */
export const networkEndpoints: Endpoint[] = [
  statsEndpoint,
  growthEndpoint,
  brokersEndpoint,
  exportEndpoint,
  importEndpoint,
]

import depthLimit from 'graphql-depth-limit'
import type { ValidationRule } from 'graphql'

import { settings } from './settings'

/**
 * Payload enforces `maxComplexity` itself; depth is limited here so a deeply nested query through
 * relationships is refused before it runs ("'…' exceeds maximum operation depth of N").
 */
export const graphQLValidationRules = (): ValidationRule[] => [depthLimit(settings.graphQLMaxDepth)]

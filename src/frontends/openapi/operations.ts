import type { EndpointParameter, JSONSchema } from '@q-community/plugin-shared/openapi'

/** An OpenAPI Operation Object (the parts this document uses). */
export type Operation = {
  operationId: string
  summary: string
  description?: string
  tags: string[]
  parameters?: EndpointParameter[]
  requestBody?: { required?: boolean; content: Record<string, { schema: JSONSchema }> }
  responses: Record<string, unknown>
  security?: Record<string, string[]>[]
  [extension: `x-${string}`]: unknown
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** Path → method → operation. */
export type Paths = Record<string, Partial<Record<Method, Operation>>>

export const ref = (component: string): JSONSchema => ({
  $ref: `#/components/schemas/${component}`,
})

/** `:id` → `{id}` (Payload's path params in OpenAPI's syntax). */
export const openAPIPath = (path: string): string => path.replace(/:(\w+)\??/g, '{$1}')

/** The `{name}` parameters of an OpenAPI path. */
export const pathParameterNames = (path: string): string[] =>
  [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1])

/** A readable operationId unique per path and method: `get_api_blogs_id`. */
export const operationId = (method: Method, path: string): string =>
  `${method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+/g, '_')}`.replace(/_$/, '')

export const addOperation = (paths: Paths, path: string, method: Method, operation: Operation) => {
  paths[path] = { ...paths[path], [method]: operation }
}

/** What a collection may change on a shared select field without retyping the options. */
export type SelectOverrides = {
  required?: boolean
  admin?: { position?: 'sidebar'; description?: string }
}

/**
 * Replaces every run of characters a tag cannot hold with one `-`, as metadata-action does
 * (`my/feature#1245` → `my-feature-1245`). Length and the first character are left alone:
 * see isValidTag in src/oci/reference.ts (the OCI tag grammar).
 */
export function sanitizeTag(tag: string): string {
  return tag.replace(/[^A-Za-z0-9._-]+/g, '-')
}

/** Why a sanitised tag is still not a valid OCI tag, for messages. */
export function invalidTagReason(tag: string): string {
  if (tag.length > 128) return `is ${tag.length} characters long (at most 128)`
  return `starts with '${tag[0] ?? ''}' (a tag starts with a letter, digit or '_')`
}

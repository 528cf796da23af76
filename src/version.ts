// Kept equal to package.json's "version" by `npm run check` (scripts/check/version.ts), so the
// bundles need not embed package.json.
export const version = '0.1.0'

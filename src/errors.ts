/** A problem with how the tool was called or set up (options, arguments); the CLI exits with 2. */
export class UsageError extends Error {}

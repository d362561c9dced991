/**
 * A command line that cannot be run as written; reported with the usage text and exit code 2.
 * In a file of its own so that the command line can catch it without loading the commands' shared
 * artifact handling (and with it cdktf).
 */
export class UsageError extends Error {}

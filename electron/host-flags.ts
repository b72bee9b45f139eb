/**
 * The V8 flags the planner service's process starts with (the desktop app's utility process,
 * browser mode's server, and the bench and tests that measure them).
 *
 * A young generation of 2 MB semi-spaces, not V8's 16 MB: a large import allocates its short-lived
 * strings and rows there, and V8 grows that space to three times the semi-space before it
 * collects. Measured on the 1,000,000-ticket import (bundled host, plain Node 20): peak 169–171 MB
 * with the default, 144 MB with 2 MB, 159–161 MB with 1 MB (more objects survive into the old
 * generation), at the same speed (2.6–2.9 s). V8 takes this flag only when the process starts:
 * `v8.setFlagsFromString` later changes nothing (tried).
 */
export const HOST_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=2'];
